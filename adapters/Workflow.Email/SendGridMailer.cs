using Microsoft.Extensions.Logging;

namespace Workflow.Email;

/// <summary>
/// Exactly one e-mail per message key: the key is recorded in the outbox (insert, 409 = taken) with its content before
/// the send, and marked sent after. A send that certainly did not happen (SendGrid answered with an error, or the
/// connection was never made) queues the key for <see cref="MailOutbox"/> to retry with backoff; a crash or a lost
/// response leaves it pending, and the outbox asks SendGrid (by the custom arg <c>message_key</c>) before sending it
/// again. Nothing here throws because the provider is down.
/// </summary>
public sealed partial class SendGridMailer(MailLedger ledger, MailOutbox outbox, TimeProvider time, ILogger<SendGridMailer> logger) : IMailer
{
    public const string MessageKeyArg = SendGridTransport.MessageKeyArg;

    public const int MaxPersonalizationsPerRequest = SendGridTransport.MaxPersonalizationsPerRequest;

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To.Count == 0)
        {
            throw new ArgumentException("An e-mail needs at least one recipient.", nameof(mail));
        }

        var results = await SendBatchAsync(new MailBatch(mail.Content, [new BatchRecipient(mail.Key, mail.To, new Dictionary<string, string>()) { Cc = mail.Cc }]), cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>
    /// The template is stored once and every key claimed with it (batched per ledger partition); keys already taken are
    /// reported as they stand and not sent. The claimed ones go out in requests of at most
    /// <see cref="MaxPersonalizationsPerRequest"/> personalizations, one per recipient with its own to/cc, substitutions
    /// and <c>message_key</c>. After a request that certainly failed, the rest are queued without being tried.
    /// </summary>
    public async Task<IReadOnlyList<MailSendResult>> SendBatchAsync(MailBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(batch.Template);
        if (batch.Recipients.Count == 0)
        {
            return [];
        }

        Validate(batch);
        var contentId = await ledger.SaveContentAsync(batch.Template, cancellationToken).ConfigureAwait(false);
        var claims = await ledger.TryClaimManyAsync(
            [.. batch.Recipients.Select(r => new MailClaimRequest(r.Key, Addresses(r), Substitute(batch.Template.Subject, r.Substitutions)) { ContentId = contentId, Recipient = r })],
            time.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);

        var results = new Dictionary<string, MailSendResult>(StringComparer.Ordinal);
        var toSend = new List<OutboxItem>();
        for (var i = 0; i < claims.Count; i++)
        {
            var (recipient, claim) = (batch.Recipients[i], claims[i]);
            if (claim.Claimed is { } etag)
            {
                toSend.Add(new OutboxItem(recipient, new ClaimedKey(recipient.Key, etag), 0));
            }
            else
            {
                results[recipient.Key] = claim.Existing?.State switch
                {
                    MailState.Sent => new MailSendResult(recipient.Key, MailSendOutcome.AlreadySent, claim.Existing.ProviderMessageId),
                    MailState.Queued => new MailSendResult(recipient.Key, MailSendOutcome.Queued),
                    MailState.Failed => new MailSendResult(recipient.Key, MailSendOutcome.Failed),
                    _ => new MailSendResult(recipient.Key, MailSendOutcome.PendingUnconfirmed),
                };
            }
        }

        var alreadySent = results.Values.Count(r => r.Outcome == MailSendOutcome.AlreadySent);
        if (results.Count > alreadySent)
        {
            Log.BatchNotSettled(logger, results.Count - alreadySent, batch.Recipients.Count, alreadySent);
        }
        else if (alreadySent > 0)
        {
            Log.BatchAlreadySent(logger, alreadySent, batch.Recipients.Count);
        }

        foreach (var result in await outbox.SendClaimedAsync(batch.Template, toSend, cancellationToken).ConfigureAwait(false))
        {
            results[result.Key] = result;
        }

        return [.. batch.Recipients.Select(r => results[r.Key])];
    }

    private static void Validate(MailBatch batch)
    {
        foreach (var recipient in batch.Recipients)
        {
            ArgumentNullException.ThrowIfNull(recipient, nameof(batch));
            if (recipient.To.Count == 0)
            {
                throw new ArgumentException($"Recipient '{recipient.Key}' of the batch has no To address.", nameof(batch));
            }
        }

        var duplicates = batch.Recipients.GroupBy(r => r.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"The batch has the same message key more than once: {string.Join(", ", duplicates)}.", nameof(batch));
        }
    }

    private static string Addresses(BatchRecipient r) => string.Join(", ", r.To.Concat(r.Cc).Select(a => a.Email));

    /// <summary>What SendGrid does with a personalization's substitutions, for the ledger's copy of the subject.</summary>
    private static string Substitute(string text, IReadOnlyDictionary<string, string> substitutions) =>
        substitutions.Aggregate(text, (current, s) => current.Replace(s.Key, s.Value, StringComparison.Ordinal));

    private static partial class Log
    {
        [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "{AlreadySent} of the batch's {Total} e-mails were already sent; not sending them again")]
        public static partial void BatchAlreadySent(ILogger logger, int alreadySent, int total);

        [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "{NotSettled} of the batch's {Total} e-mails are already in the outbox (pending, queued or failed; {AlreadySent} already sent); the outbox settles them")]
        public static partial void BatchNotSettled(ILogger logger, int notSettled, int total, int alreadySent);
    }
}
