using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Workflow.Email;

/// <summary>
/// SendGrid's wire: one mail/send request of one template and up to 1,000 personalizations (each with its to/cc,
/// substitutions and the custom arg <c>message_key</c>), and the Email Activity lookup of a key
/// (<c>GET /v3/messages?query=unique_args['message_key']="…"</c>, which SendGrid offers with its activity add-on and the
/// local sink answers too).
/// </summary>
public sealed class SendGridTransport(ISendGridClient client, IOptions<EmailOptions> options)
{
    public const string MessageKeyArg = "message_key";

    /// <summary>SendGrid accepts at most 1,000 personalizations in one mail/send request.</summary>
    public const int MaxPersonalizationsPerRequest = 1000;

    /// <summary>Sends; never throws for the provider's answer or a refused connection, only for the caller's cancellation.</summary>
    public async Task<TransportResult> SendAsync(MailContent template, IReadOnlyList<BatchRecipient> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count is 0 or > MaxPersonalizationsPerRequest)
        {
            throw new ArgumentException($"A request carries 1 to {MaxPersonalizationsPerRequest} recipients, not {recipients.Count}.", nameof(recipients));
        }

        Response response;
        try
        {
            response = await client.SendEmailAsync(Build(template, recipients), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (NeverConnected(ex))
        {
            // Nothing left this machine.
            return new TransportResult(false, true, null, null, $"Không kết nối được tới nhà cung cấp thư: {ex.Message}");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The request may have reached SendGrid: only the provider can say.
            return new TransportResult(false, false, null, null, $"Không rõ kết quả gửi (mất kết nối hoặc quá thời gian chờ): {ex.Message}");
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new TransportResult(false, true, (int)response.StatusCode, null, $"Nhà cung cấp thư từ chối ({(int)response.StatusCode}): {body}");
        }

        var providerId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
        return new TransportResult(true, false, (int)response.StatusCode, providerId, null);
    }

    /// <summary>Asks the provider's activity whether a message with this key went out.</summary>
    public async Task<(ProviderLookup Outcome, string? MessageId)> LookupAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var query = $"unique_args['{MessageKeyArg}']=\"{key.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        try
        {
            // The query goes in the path, encoded here: the client's own query builder does not encode values.
            var response = await client.RequestAsync(
                BaseClient.Method.GET, urlPath: $"messages?query={Uri.EscapeDataString(query)}&limit=10", cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (ProviderLookup.Unavailable, null);
            }

            using var document = JsonDocument.Parse(await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var found = document.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
                ? messages.EnumerateArray().FirstOrDefault(m => m.TryGetProperty("status", out var s) && s.GetString() != "not_delivered")
                : default;
            return found.ValueKind == JsonValueKind.Object
                ? (ProviderLookup.Found, found.TryGetProperty("msg_id", out var id) ? id.GetString() : null)
                : (ProviderLookup.NotFound, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (ProviderLookup.Unavailable, null);
        }
    }

    private static bool NeverConnected(HttpRequestException ex) =>
        ex.HttpRequestError == HttpRequestError.ConnectionError || ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private SendGridMessage Build(MailContent template, IEnumerable<BatchRecipient> recipients) => new()
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
}
