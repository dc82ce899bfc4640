namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Follow one unit on one deliverable (or nomination round): remind before the deadline, chase after it,
/// escalate, until it hands in or the cycle closes.
/// </summary>
public sealed record FollowUpInput(
    string CycleId,
    string UnitId,
    string Subject,
    Deadline Deadline,
    LatePolicy LatePolicy,
    ReminderPolicy Reminders,
    string TimeZone,
    DateTimeOffset ClosesAt);
