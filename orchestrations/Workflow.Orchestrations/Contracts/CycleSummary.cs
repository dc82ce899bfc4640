namespace Workflow.Orchestrations.Contracts;

/// <summary>The output of a cycle: counts, where the consolidated exports were written, and the pieces that failed.</summary>
public sealed record CycleSummary(
    string CycleId,
    int OnTime,
    int Late,
    int Missing,
    IReadOnlyList<RoundResult> Rounds,
    IReadOnlyList<string> Exports,
    IReadOnlyList<FailedPiece>? Failures = null);
