namespace Workflow.Domain.Time;

/// <summary>Turns a worded deadline into instants and decides whether an arrival is on time.</summary>
public sealed class DeadlineEvaluator(TimeZoneInfo zone)
{
    public static DeadlineEvaluator Vietnam { get; } = new(VietnamTime.Zone);

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The first late instant (UTC): the start of the first late day in the plan's zone.
    /// A well-formed deadline whose first late day is off the calendar (after 31/12/9999) is never reached.</summary>
    public DateTimeOffset Cutoff(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.FirstLateDay is { } day ? VietnamTime.StartOfDay(day, Zone)
            : deadline.IsWellFormed ? DateTimeOffset.MaxValue
            : throw new ArgumentException("The deadline names no valid day.", nameof(deadline));
    }

    /// <summary>The last instant that is still on time, to the millisecond, as people are told it.</summary>
    public DateTimeOffset LastAcceptedInstant(Deadline deadline) =>
        Cutoff(deadline) is var cutoff && cutoff == DateTimeOffset.MinValue ? cutoff : cutoff.AddMilliseconds(-1);

    /// <summary>
    /// The last whole second still on time (the cutoff minus one second, "23:59:59" of the last day), as an editor shows it;
    /// null for a malformed deadline and for one whose last day or first late instant is off either end of the calendar.
    /// </summary>
    public DateTimeOffset? LastAcceptedSecond(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.LastDay is not null && Cutoff(deadline) is var cutoff && cutoff != DateTimeOffset.MinValue && cutoff != DateTimeOffset.MaxValue
            ? cutoff.AddSeconds(-1)
            : null;
    }

    /// <summary>On time strictly before the cutoff; the cutoff instant itself is already late.</summary>
    public Timeliness Evaluate(Deadline deadline, DateTimeOffset arrival) =>
        arrival < Cutoff(deadline) ? Timeliness.OnTime : Timeliness.Late;
}
