namespace Workflow.Email;

/// <summary>Sends each message key at most once, and surfaces the keys whose send could not be confirmed.</summary>
public interface IMailer
{
    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="SendAsync"/> for every recipient of <paramref name="batch"/>, each under its own key, in as few
    /// provider requests as allowed. Results follow the order of the batch's recipients.
    /// </summary>
    Task<IReadOnlyList<MailSendResult>> SendBatchAsync(MailBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Keys recorded but never confirmed as sent, for an operator (or a reconciler) to resolve.</summary>
    Task<IReadOnlyList<MailRecord>> ListPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Settles a pending key after checking the provider (the key travels as the custom arg <c>message_key</c>):
    /// delivered marks it sent; not delivered releases it so the next <see cref="SendAsync"/> sends it.
    /// </summary>
    Task ResolvePendingAsync(string key, bool delivered, CancellationToken cancellationToken = default);
}
