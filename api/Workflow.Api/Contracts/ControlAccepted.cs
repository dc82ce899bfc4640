namespace Workflow.Api.Contracts;

/// <summary>A suspend, resume, terminate or picks request that was handed to the orchestration.</summary>
public sealed record ControlAccepted(string Id, string Action, string? Reason);
