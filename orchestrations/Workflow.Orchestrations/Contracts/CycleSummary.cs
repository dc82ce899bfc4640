namespace Workflow.Orchestrations.Contracts;

/// <summary>The output of a cycle: counts, and where the consolidated exports were written.</summary>
public sealed record CycleSummary(
    string CycleId,
    int OnTime,
    int Late,
    int Missing,
    IReadOnlyList<RoundResult> Rounds,
    IReadOnlyList<string> Exports);
