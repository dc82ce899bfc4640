using Workflow.Domain.Consolidation;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// The output of a cycle: counts, where the consolidated exports were written, the pieces that failed, and the headline
/// nomination figures of its rounds (late refusals counted at consolidation, so also those after a round was judged).
/// </summary>
public sealed record CycleSummary(
    string CycleId,
    int OnTime,
    int Late,
    int Missing,
    IReadOnlyList<RoundResult> Rounds,
    IReadOnlyList<string> Exports,
    IReadOnlyList<FailedPiece>? Failures = null,
    NominationCounts? Nominations = null);
