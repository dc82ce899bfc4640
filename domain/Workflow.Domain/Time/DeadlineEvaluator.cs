namespace Workflow.Domain.Time;

/// <summary>Turns a worded deadline into instants and decides whether an arrival is on time.</summary>
public sealed class DeadlineEvaluator(TimeZoneInfo zone)
{
    public static DeadlineEvaluator Vietnam { get; } = new(VietnamTime.Zone);

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The first late instant (UTC): the start of the first late day in the plan's zone.</summary>
    public DateTimeOffset Cutoff(Deadline deadline) =>
        VietnamTime.StartOfDay(deadline.FirstLateDay ?? throw new ArgumentException("The deadline names no valid day.", nameof(deadline)), Zone);

    /// <summary>The last instant that is still on time, to the millisecond, as people are told it.</summary>
    public DateTimeOffset LastAcceptedInstant(Deadline deadline) => Cutoff(deadline).AddMilliseconds(-1);

    /// <summary>On time strictly before the cutoff; the cutoff instant itself is already late.</summary>
    public Timeliness Evaluate(Deadline deadline, DateTimeOffset arrival) =>
        arrival < Cutoff(deadline) ? Timeliness.OnTime : Timeliness.Late;
}
