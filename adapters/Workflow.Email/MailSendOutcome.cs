namespace Workflow.Email;

public enum MailSendOutcome
{
    Sent,

    /// <summary>The key was sent before; nothing was sent now.</summary>
    AlreadySent,

    /// <summary>
    /// The key is claimed but its send was never confirmed (a crash, a lost response, a timeout). Nothing was sent
    /// now: the outbox asks the provider after a grace period and sends it only if the provider has no record.
    /// </summary>
    PendingUnconfirmed,

    /// <summary>The provider could not take it now (outage, refusal that may pass): the outbox sender retries it with backoff.</summary>
    Queued,

    /// <summary>The provider refused it for good, or it failed earlier and waits for an operator's resend.</summary>
    Failed,
}
