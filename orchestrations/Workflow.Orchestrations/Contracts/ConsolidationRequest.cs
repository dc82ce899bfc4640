namespace Workflow.Orchestrations.Contracts;

/// <summary>Consolidate a closed cycle from its status rows and the rounds' results.</summary>
public sealed record ConsolidationRequest(string CycleId, IReadOnlyList<RoundResult> Rounds);
