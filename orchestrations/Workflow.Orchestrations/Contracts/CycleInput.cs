namespace Workflow.Orchestrations.Contracts;

/// <summary>Starts one reporting cycle: the plan as validated, and who started it.</summary>
public sealed record CycleInput(string CycleId, Plan Plan, string StartedBy);
