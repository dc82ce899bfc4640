using Workflow.Domain.Consolidation;

namespace Workflow.Orchestrations.Contracts;

/// <summary>The cycle's custom status: where it is, as an operator needs to see it at a glance.</summary>
public sealed record CycleProgress
{
    public CyclePhase Phase { get; init; }
    public string PhaseLabel { get; init; } = string.Empty;
    public int Expected { get; init; }
    public int OnTime { get; init; }
    public int Late { get; init; }
    public int Missing { get; init; }
    public int Pending { get; init; }

    /// <summary>The headline nomination figures (<see cref="NominationCounts"/>): of the rounds the cycle has closed, with every late refusal the audit held at its last wake.</summary>
    public NominationCounts Nominations { get; init; } = NominationCounts.None;

    /// <summary>Optional deliverables not handed in by their deadline ("không nộp (không bắt buộc)"): never missing.</summary>
    public int NotRequired { get; init; }

    public int RemindersSent { get; init; }

    /// <summary>Mails a rehearsal withheld because its clock had run past what they would say.</summary>
    public int MailsWithheld { get; init; }

    public DateTimeOffset? NextDeadline { get; init; }
    public string? NextDeadlineText { get; init; }
    public int Extensions { get; init; }

    /// <summary>Rounds the plan left undated that an operator has dated since.</summary>
    public int RoundsDated { get; init; }

    /// <summary>The business instant the cycle has acted on last (a stepped rehearsal stands there).</summary>
    public DateTimeOffset? ReachedAt { get; init; }

    /// <summary>The next instant of the schedule: a reminder, deadline, chase or close.</summary>
    public DateTimeOffset? NextStepAt { get; init; }

    public int StepsDone { get; init; }

    /// <summary>A stepped rehearsal's instant, once the upload boundary reads it too.</summary>
    public DateTimeOffset? StandsAt { get; init; }

    /// <summary>Pieces that failed after their retries and have not been retried successfully; the cycle went on without them.</summary>
    public IReadOnlyList<FailedPiece> Failures { get; init; } = [];

    /// <summary>Null for a live cycle; otherwise the rehearsal's clock.</summary>
    public BusinessClock? Rehearsal { get; init; }

    /// <summary>
    /// A stepped rehearsal collecting with nothing due up to <paramref name="to"/>: moving its clock there changes nothing
    /// the cycle would do, so an advance of its tree only records the instant where its upload boundary reads it, and the
    /// cycle sleeps on until an advance reaches its next step, as a live cycle sleeps until its next instant.
    /// </summary>
    public bool RestsThrough(DateTimeOffset to) =>
        Rehearsal is { IsManual: true } && Phase == CyclePhase.Collecting && NextStepAt is { } next && next > to;

    /// <summary>A stepped rehearsal collecting whose next step is exactly <paramref name="to"/>, with nothing due before it.</summary>
    public bool StepsAt(DateTimeOffset to) =>
        Rehearsal is { IsManual: true } && Phase == CyclePhase.Collecting && NextStepAt == to;

    /// <summary>
    /// Where the cycle stands, given its recorded <paramref name="clock"/>: a cycle that rests through the clock's instant
    /// stands there though it has not woken since (<see cref="RestsThrough"/>); any other shows its own last stand.
    /// </summary>
    public CycleProgress StandingBy(BusinessClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.IsManual && RestsThrough(clock.BusinessOrigin) && (StandsAt is null || StandsAt < clock.BusinessOrigin)
            ? this with { StandsAt = clock.BusinessOrigin }
            : this;
    }
}
