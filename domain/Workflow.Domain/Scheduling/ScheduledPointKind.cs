namespace Workflow.Domain.Scheduling;

public enum ScheduledPointKind
{
    /// <summary>A reminder before the deadline to units that have not handed in.</summary>
    Reminder,

    /// <summary>The first late instant: from here on, arrivals are late (or refused).</summary>
    Deadline,

    /// <summary>A chase after the deadline to units that still have not handed in.</summary>
    Chase,

    /// <summary>A chase that also goes to the supervising committee member.</summary>
    Escalation,
}
