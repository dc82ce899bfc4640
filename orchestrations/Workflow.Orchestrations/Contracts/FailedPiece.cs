namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// A piece of a cycle that still failed after its retries: the cycle recorded it and went on without it. Operators see
/// it with its reason and can retry it by <see cref="Id"/> (<see cref="PieceRetry"/>). <see cref="Subject"/> is the
/// round, deliverable or first unit concerned; <see cref="At"/> the business instant of the last failure.
/// </summary>
public sealed record FailedPiece(string Id, PieceKind Kind, string Title, string Reason, DateTimeOffset At, int Attempts = 1, string? Subject = null);
