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
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError || ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
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

    public Task<IReadOnlyList<MailRecord>> ListPendingAsync(CancellationToken cancellationToken = default) => ledger.ListPendingAsync(cancellationToken);

    public Task ResolvePendingAsync(string key, bool delivered, CancellationToken cancellationToken = default) =>
        ledger.ResolveAsync(key, delivered, time.GetUtcNow(), cancellationToken);

    private SendGridMessage Build(OutgoingMail mail)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(options.Value.FromAddress, options.Value.FromName),
            Subject = mail.Content.Subject,
            PlainTextContent = mail.Content.Text,
            HtmlContent = mail.Content.Html,
        };
        message.AddTos([.. mail.To.Select(r => new EmailAddress(r.Email, r.Name))]);
        // SendGrid refuses an address that appears in both To and Cc.
        var cc = mail.Cc.Where(c => !mail.To.Any(t => string.Equals(t.Email, c.Email, StringComparison.OrdinalIgnoreCase))).ToList();
        if (cc.Count > 0)
        {
            message.AddCcs([.. cc.Select(r => new EmailAddress(r.Email, r.Name))]);
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
    }
}
