namespace Workflow.Domain.Plans;

/// <summary>Something units hand in under a deadline: a deliverable, or a nomination round units propose in.</summary>
public sealed record PlanSubject(string Id, string Title, Deadline Deadline, LatePolicy LatePolicy, UnitScope Scope, bool IsNominationRound, bool Optional = false);
