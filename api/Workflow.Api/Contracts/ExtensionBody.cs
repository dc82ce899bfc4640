namespace Workflow.Api.Contracts;

/// <summary>Gia hạn: a new deadline for a subject, for all units in scope (no units) or the named ones.</summary>
public sealed record ExtensionBody(string? Subject, Deadline? NewDeadline, IReadOnlyList<string>? Units, string? RequestedBy, string? Reason);
