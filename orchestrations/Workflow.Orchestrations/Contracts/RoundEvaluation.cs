namespace Workflow.Orchestrations.Contracts;

/// <summary>Check a closed round's proposals (or the province's picks) for completeness, eligibility and quotas.</summary>
public sealed record RoundEvaluation(string CycleId, string RoundId, IReadOnlyList<string> Picks);
