namespace Workflow.Email;

/// <summary>
/// The outbox as its last run saw it, kept in memory for a health check (no I/O to read it): how many keys wait
/// (queued or pending), how many failed for good, the oldest unsent one, and the last delivery error.
/// </summary>
public sealed record MailOutboxStatus(DateTimeOffset? LastRunAt, int Queued, int Pending, int Failed, DateTimeOffset? OldestUnsentAt, string? LastError, DateTimeOffset? LastErrorAt)
{
    public static MailOutboxStatus NotRun { get; } = new(null, 0, 0, 0, null, null, null);

    public int Backlog => Queued + Pending;
}
