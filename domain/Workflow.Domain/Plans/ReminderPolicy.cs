namespace Workflow.Domain.Plans;

/// <summary>When units that have not handed in are reminded, chased and escalated.</summary>
public sealed record ReminderPolicy
{
    /// <summary>Reminder points, in days before the end of a deadline (e.g. 7, 3, 1).</summary>
    public IReadOnlyList<int> DaysBefore { get; init; } = [];

    /// <summary>Local (Vietnam) time of day at which reminders and chases go out.</summary>
    public TimeOnly SendAt { get; init; } = new(8, 0);

    public ChasePolicy Chase { get; init; } = new();

    /// <summary>After this many chases the supervising member is copied; 0 never escalates.</summary>
    public int EscalateAfterChases { get; init; }
}
