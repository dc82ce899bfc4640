namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// What recording the plan produced: the status rows created per unit and deliverable, and, when every row was created
/// by this recording (nothing could have been handed in yet), their tally at the recording's instant; null otherwise.
/// </summary>
public sealed record PlanRecorded(string CycleId, int Units, int StatusRows, Tally? Tally = null);
