namespace Workflow.Email;

/// <summary>
/// Sends each message key at most once. A send the provider could not take is queued in the outbox, not thrown:
/// <see cref="MailOutbox"/> delivers it later, so no caller ever depends on the provider being up.
/// </summary>
public interface IMailer
{
    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="SendAsync"/> for every recipient of <paramref name="batch"/>, each under its own key, in as few
    /// provider requests as allowed. Results follow the order of the batch's recipients.
    /// </summary>
    Task<IReadOnlyList<MailSendResult>> SendBatchAsync(MailBatch batch, CancellationToken cancellationToken = default);
}
