namespace Workflow.Email;

public enum MailSendOutcome
{
    Sent,

    /// <summary>The key was sent before; nothing was sent now.</summary>
    AlreadySent,

    /// <summary>
    /// An earlier attempt recorded the key but never confirmed the send (a crash or a lost response). Nothing was
    /// sent now: the record waits for <see cref="IMailer.ResolvePendingAsync"/> rather than risking a duplicate.
    /// </summary>
    PendingUnconfirmed,
}
