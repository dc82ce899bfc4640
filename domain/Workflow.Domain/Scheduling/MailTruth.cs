namespace Workflow.Domain.Scheduling;

/// <summary>
/// Whether a scheduled mail still says something true when it is about to go. Rehearsals run business time at high
/// speed, where a second of engine jitter is days of business time: a "còn N ngày" reminder woken after the cutoff,
/// or a chase woken after the cycle closed, must not be sent.
/// </summary>
public static class MailTruth
{
    /// <summary>
    /// A reminder only while <paramref name="now"/> &lt; <paramref name="cutoff"/>; a chase or escalation only while
    /// <paramref name="cutoff"/> &lt;= <paramref name="now"/> &lt; <paramref name="closesAt"/>; a deadline point never mails.
    /// </summary>
    public static bool IsTrue(ScheduledPointKind kind, DateTimeOffset cutoff, DateTimeOffset closesAt, DateTimeOffset now) => kind switch
    {
        ScheduledPointKind.Reminder => now < cutoff,
        ScheduledPointKind.Chase or ScheduledPointKind.Escalation => cutoff <= now && now < closesAt,
        _ => false,
    };
}
