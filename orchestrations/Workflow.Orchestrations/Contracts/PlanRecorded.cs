namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// What recording the plan produced: the status rows created per unit and deliverable, and, when every row was created
/// by this recording (nothing could have been handed in yet), their tally at the recording's instant; null otherwise.
/// <see cref="Notices"/> are the plan notices when the recording sent them itself (a cycle of one notice batch, such as
/// a commune's); null when the cycle sends them in batches of its own.
/// </summary>
public sealed record PlanRecorded(string CycleId, int Units, int StatusRows, Tally? Tally = null, BatchOutcome? Notices = null);
