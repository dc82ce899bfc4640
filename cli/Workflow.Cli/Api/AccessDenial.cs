namespace Workflow.Cli.Api;

/// <summary>A refused operator request, as <c>GET /api/operators/denials</c> lists it.</summary>
internal sealed record AccessDenial(
    DateTimeOffset At, string OperatorId, string OperatorName, string Role, string Scope, string Method, string Path, string? Route, string? CycleId, string Reason);
