namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// One schedule point (reminder, chase or escalation) for a batch of one deadline group's units: the activity reads who
/// still owes and mails only them, once per (cycle, unit, subject, point key), and only while the mail is still true.
/// <see cref="At"/> is the business instant the cycle acted at; the units are sorted so one key range reads them.
/// <see cref="TallyAt"/>, when set, makes the batch also count its cycle at that instant: a small cycle's whole wave is
/// one batch, and one activity for its step instead of two keeps a national tree's thousands of steps cheap.
/// </summary>
public sealed record PointBatch(
    string CycleId,
    string Subject,
    string PointKey,
    ScheduledPointKind Kind,
    int Sequence,
    DateTimeOffset Cutoff,
    DateTimeOffset At,
    IReadOnlyList<string> Units,
    DateTimeOffset? TallyAt = null);
