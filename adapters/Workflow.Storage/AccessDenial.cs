namespace Workflow.Storage;

/// <summary>An operator request refused by role or scope: who, what route, which cycle, when and why.</summary>
public sealed record AccessDenial(
    DateTimeOffset At, string OperatorId, string OperatorName, string Role, string Scope, string Method, string Path, string? Route, string? CycleId, string Reason);
