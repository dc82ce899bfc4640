namespace Workflow.Orchestrations.Contracts;

/// <summary>The cycle closed while a round still waited for quota numbers: it is recorded as not judged, with what it had received.</summary>
public sealed record RoundUnjudged(string CycleId, string RoundId, IReadOnlyList<string> Picks, IReadOnlyList<string> PendingQuotas);
