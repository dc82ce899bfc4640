namespace Workflow.Email;

/// <summary>Where a message key stands in the outbox.</summary>
public enum MailState
{
    /// <summary>Claimed by a sender; the send has not been confirmed (in flight, or the sender died).</summary>
    Pending,

    Sent,

    /// <summary>Certainly not delivered yet: waiting for the outbox sender's next attempt at <see cref="MailRecord.DueAt"/>.</summary>
    Queued,

    /// <summary>The provider refused it for good or every retry failed; waits for an operator's resend.</summary>
    Failed,
}
