namespace Workflow.Api.Contracts;

/// <summary>Copy a cycle's plan: the new plan's id, and how far its dates move (whole years, then days; either may be negative).</summary>
public sealed record CopyBody(string? NewId, int? Years, int? Days);
