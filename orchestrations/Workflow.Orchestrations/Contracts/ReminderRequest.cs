namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// One reminder (<see cref="Sequence"/> days before), chase or escalation (the <see cref="Sequence"/>th chase);
/// (cycle, unit, subject, point key) makes its e-mail key.
/// </summary>
public sealed record ReminderRequest(string CycleId, string UnitId, string Subject, string PointKey, ScheduledPointKind Kind, int Sequence);
