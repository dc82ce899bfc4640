namespace Workflow.Orchestrations.Contracts;

/// <summary>One reminder, chase or escalation; (cycle, unit, subject, point key) makes its e-mail key.</summary>
public sealed record ReminderRequest(
    string CycleId,
    string UnitId,
    string Subject,
    string PointKey,
    ScheduledPointKind Kind,
    DateTimeOffset Deadline,
    string DeadlineText);
