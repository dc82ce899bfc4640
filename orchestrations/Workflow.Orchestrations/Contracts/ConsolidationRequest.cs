namespace Workflow.Orchestrations.Contracts;

public sealed record ConsolidationRequest(string CycleId, IReadOnlyList<FollowUpResult> FollowUps, IReadOnlyList<RoundResult> Rounds);
