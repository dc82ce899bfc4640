namespace Workflow.Application;

/// <summary>The outcome, the round concerned (when known) and the round's rules still without numbers afterwards.</summary>
public sealed record QuotaSetResult(QuotaSetOutcome Outcome, NominationRound? Round, QuotaRule? Rule, IReadOnlyList<QuotaRule> StillPending);
