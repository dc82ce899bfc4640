namespace Workflow.Orchestrations.Contracts;

/// <summary>What recording the plan produced: the status rows created per unit and deliverable.</summary>
public sealed record PlanRecorded(string CycleId, int Units, int StatusRows);
