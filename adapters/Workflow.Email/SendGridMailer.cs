using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Workflow.Email;

/// <summary>
/// Exactly one e-mail per message key: the key is recorded (insert, 409 = taken) before the send and marked sent
/// after. Only a send that certainly did not happen (SendGrid answered with an error, or the connection was never
/// made) releases the key for a retry. A crash or a lost response between record and confirmation leaves the key
/// pending: it is listed by <see cref="ListPendingAsync"/> and not resent automatically, because a duplicate
/// official notice is worse than a late one. The key also travels to SendGrid as the custom arg <c>message_key</c>,
/// so whoever resolves a pending key can look it up in the provider's activity (or the recording endpoint).
/// </summary>
public sealed partial class SendGridMailer(
    ISendGridClient client,
    MailLedger ledger,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<SendGridMailer> logger) : IMailer
{
    public const string MessageKeyArg = "message_key";

    /// <summary>SendGrid accepts at most 1,000 personalizations in one mail/send request.</summary>
    public const int MaxPersonalizationsPerRequest = 1000;

    public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To.Count == 0)
        {
            throw new ArgumentException("An e-mail needs at least one recipient.", nameof(mail));
        }

        var recipients = string.Join(", ", mail.To.Concat(mail.Cc).Select(r => r.Email));
        var (etag, existing) = await ledger.TryClaimAsync(mail.Key, recipients, mail.Content.Subject, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (etag is not { } claimed)
        {
            if (existing?.State == MailState.Sent)
            {
                Log.AlreadySent(logger, mail.Key);
                return new MailSendResult(mail.Key, MailSendOutcome.AlreadySent, existing.ProviderMessageId);
            }

            Log.PendingUnconfirmed(logger, mail.Key);
            return new MailSendResult(mail.Key, MailSendOutcome.PendingUnconfirmed);
        }

        Response response;
        try
        {
            response = await client.SendEmailAsync(Build(mail), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (NeverConnected(ex))
        {
            // Nothing left this machine: the key is free again.
            await ledger.ReleaseAsync(mail.Key, claimed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            await ledger.ReleaseAsync(mail.Key, claimed, CancellationToken.None).ConfigureAwait(false);
            throw new MailSendException($"SendGrid refused message '{mail.Key}' with {(int)response.StatusCode}: {body}", (int)response.StatusCode);
        }

        var providerId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
        await ledger.MarkSentAsync(mail.Key, claimed, time.GetUtcNow(), providerId, CancellationToken.None).ConfigureAwait(false);
        Log.Sent(logger, mail.Key, recipients);
        return new MailSendResult(mail.Key, MailSendOutcome.Sent, providerId);
    }

    /// <summary>
    /// Every key is claimed first (batched per ledger partition); keys already sent or pending are reported and not
    /// sent. The claimed ones go out in requests of at most <see cref="MaxPersonalizationsPerRequest"/>
    /// personalizations, one per recipient with its own to/cc, substitutions and <c>message_key</c>. A request that
    /// certainly did not go out releases its keys and throws, as <see cref="SendAsync"/> does; so does any later
    /// request of the batch, never attempted. A lost response leaves that request's keys pending.
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
        var claims = await ledger.TryClaimManyAsync(
            [.. batch.Recipients.Select(r => new MailClaimRequest(r.Key, Addresses(r.To, r.Cc), Substitute(batch.Template.Subject, r.Substitutions)))],
            time.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);

        var results = new Dictionary<string, MailSendResult>(StringComparer.Ordinal);
        var toSend = new List<(BatchRecipient Recipient, ClaimedKey Claim)>();
        for (var i = 0; i < claims.Count; i++)
        {
            var (recipient, claim) = (batch.Recipients[i], claims[i]);
            if (claim.Claimed is { } etag)
            {
                toSend.Add((recipient, new ClaimedKey(recipient.Key, etag)));
            }
            else if (claim.Existing?.State == MailState.Sent)
            {
                results[recipient.Key] = new MailSendResult(recipient.Key, MailSendOutcome.AlreadySent, claim.Existing.ProviderMessageId);
            }
            else
            {
                results[recipient.Key] = new MailSendResult(recipient.Key, MailSendOutcome.PendingUnconfirmed);
            }
        }

        var alreadySent = results.Values.Count(r => r.Outcome == MailSendOutcome.AlreadySent);
        var pending = results.Count - alreadySent;
        if (pending > 0)
        {
            Log.BatchPendingUnconfirmed(logger, pending, batch.Recipients.Count, alreadySent);
        }
        else if (alreadySent > 0)
        {
            Log.BatchAlreadySent(logger, alreadySent, batch.Recipients.Count);
        }

        var requests = toSend.Chunk(MaxPersonalizationsPerRequest).ToList();
        var attempted = 0;
        try
        {
            for (var i = 0; i < requests.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempted = i + 1;
                var providerId = await SendRequestAsync(batch.Template, requests[i], i + 1, requests.Count, cancellationToken).ConfigureAwait(false);
                foreach (var (recipient, _) in requests[i])
                {
                    results[recipient.Key] = new MailSendResult(recipient.Key, MailSendOutcome.Sent, providerId);
                }
            }
        }
        catch
        {
            // The requests never attempted (after a failed one, or after cancellation) did not go out: free their keys.
            var never = requests.Skip(attempted).SelectMany(r => r).Select(r => r.Claim).ToList();
            await ledger.ReleaseManyAsync(never, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return [.. batch.Recipients.Select(r => results[r.Key])];
    }

    public Task<IReadOnlyList<MailRecord>> ListPendingAsync(CancellationToken cancellationToken = default) => ledger.ListPendingAsync(cancellationToken);

    public Task ResolvePendingAsync(string key, bool delivered, CancellationToken cancellationToken = default) =>
        ledger.ResolveAsync(key, delivered, time.GetUtcNow(), cancellationToken);

    /// <summary>One mail/send request for part of a batch; returns SendGrid's message id once its keys are marked sent.</summary>
    private async Task<string?> SendRequestAsync(MailContent template, (BatchRecipient Recipient, ClaimedKey Claim)[] request, int number, int count, CancellationToken cancellationToken)
    {
        var keys = request.Select(r => r.Claim).ToList();
        Response response;
        try
        {
            response = await client.SendEmailAsync(BuildBatch(template, request.Select(r => r.Recipient)), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (NeverConnected(ex))
        {
            await ledger.ReleaseManyAsync(keys, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            await ledger.ReleaseManyAsync(keys, CancellationToken.None).ConfigureAwait(false);
            throw new MailSendException(
                $"SendGrid refused batch request {number}/{count} of {keys.Count} messages ('{keys[0].Key}' …) with {(int)response.StatusCode}: {body}",
                (int)response.StatusCode);
        }

        var providerId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
        await ledger.MarkSentManyAsync(keys, time.GetUtcNow(), providerId, CancellationToken.None).ConfigureAwait(false);
        Log.BatchSent(logger, number, count, keys.Count, keys[0].Key, providerId);
        return providerId;
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

    private static bool NeverConnected(HttpRequestException ex) =>
        ex.HttpRequestError == HttpRequestError.ConnectionError || ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private static string Addresses(IReadOnlyList<Recipient> to, IReadOnlyList<Recipient> cc) => string.Join(", ", to.Concat(cc).Select(r => r.Email));

    /// <summary>What SendGrid does with a personalization's substitutions, for the ledger's copy of the subject.</summary>
    private static string Substitute(string text, IReadOnlyDictionary<string, string> substitutions) =>
        substitutions.Aggregate(text, (current, s) => current.Replace(s.Key, s.Value, StringComparison.Ordinal));

    private SendGridMessage BuildBatch(MailContent template, IEnumerable<BatchRecipient> recipients) => new()
    {
        From = new EmailAddress(options.Value.FromAddress, options.Value.FromName),
        Subject = template.Subject,
        PlainTextContent = template.Text,
        HtmlContent = template.Html,
        Personalizations = [.. recipients.Select(r =>
        {
            var cc = CcWithoutTo(r.To, r.Cc);
            return new Personalization
            {
                Tos = [.. r.To.Select(Address)],
                Ccs = cc.Count > 0 ? [.. cc.Select(Address)] : null,
                Substitutions = r.Substitutions.Count > 0 ? new Dictionary<string, string>(r.Substitutions, StringComparer.Ordinal) : null,
                CustomArgs = new Dictionary<string, string>(StringComparer.Ordinal) { [MessageKeyArg] = r.Key },
            };
        })],
    };

    /// <summary>SendGrid refuses an address that appears in both To and Cc of one personalization.</summary>
    private static List<Recipient> CcWithoutTo(IReadOnlyList<Recipient> to, IReadOnlyList<Recipient> cc) =>
        [.. cc.Where(c => !to.Any(t => string.Equals(t.Email, c.Email, StringComparison.OrdinalIgnoreCase)))];

    private static EmailAddress Address(Recipient r) => new(r.Email, r.Name);

    private SendGridMessage Build(OutgoingMail mail)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(options.Value.FromAddress, options.Value.FromName),
            Subject = mail.Content.Subject,
            PlainTextContent = mail.Content.Text,
            HtmlContent = mail.Content.Html,
        };
        message.AddTos([.. mail.To.Select(Address)]);
        var cc = CcWithoutTo(mail.To, mail.Cc);
        if (cc.Count > 0)
        {
            message.AddCcs([.. cc.Select(Address)]);
        }

        message.AddCustomArg(MessageKeyArg, mail.Key);
        return message;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Sent e-mail {Key} to {Recipients}")]
        public static partial void Sent(ILogger logger, string key, string recipients);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "E-mail {Key} was already sent; not sending again")]
        public static partial void AlreadySent(ILogger logger, string key);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "E-mail {Key} was recorded by an earlier attempt but never confirmed; not resending until it is resolved")]
        public static partial void PendingUnconfirmed(ILogger logger, string key);

        [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Sent batch request {Number}/{Count}: {Messages} e-mails from {FirstKey} as {ProviderMessageId}")]
        public static partial void BatchSent(ILogger logger, int number, int count, int messages, string firstKey, string? providerMessageId);

        [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "{AlreadySent} of the batch's {Total} e-mails were already sent; not sending them again")]
        public static partial void BatchAlreadySent(ILogger logger, int alreadySent, int total);

        [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "{Pending} of the batch's {Total} e-mails were recorded by an earlier attempt but never confirmed ({AlreadySent} already sent); not resending them until they are resolved")]
        public static partial void BatchPendingUnconfirmed(ILogger logger, int pending, int total, int alreadySent);
    }
}
