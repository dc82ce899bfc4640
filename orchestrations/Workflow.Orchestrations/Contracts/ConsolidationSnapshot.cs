namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// A consolidation taken while the cycle runs (on an operator's request or at a milestone's reminder), kept with its
/// business instant <see cref="At"/>, the wall instant it was taken, who asked and its figures at that instant: units
/// on time, late, missing (past their cutoff) and pending (still within it), per deliverable they owe. Its exports lie
/// under a folder of its own (<see cref="Exports"/>, blob names), so a snapshot everyone cites never changes.
/// </summary>
public sealed record ConsolidationSnapshot(
    string Id,
    string CycleId,
    DateTimeOffset At,
    DateTimeOffset TakenAt,
    string RequestedBy,
    string? Milestone,
    int Expected,
    int OnTime,
    int Late,
    int Missing,
    int Pending,
    IReadOnlyList<RoundResult> Rounds,
    IReadOnlyList<string> Exports,
    IReadOnlyList<FailedPiece> Failures,
    string? Note = null);
