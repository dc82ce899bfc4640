using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Email;
using Workflow.MailSink;

namespace Workflow.Adapters.Tests;

[Collection(AdapterCollection.Name)]
public sealed class MailerTests(AdapterFixture fixture)
{
    [Fact]
    public async Task SameKey_SentTwice_ReachesTheProviderOnce()
    {
        var mailer = fixture.Email(TimeProvider.System).GetRequiredService<IMailer>();
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "huyen-yen-dung", "bao-cao", "bao-cao:reminder:7"));

        var first = await mailer.SendAsync(mail);
        var retry = await mailer.SendAsync(mail);

        Assert.Equal(MailSendOutcome.Sent, first.Outcome);
        Assert.Equal(MailSendOutcome.AlreadySent, retry.Outcome);
        var sent = Assert.Single(SentWithKey(mail.Key));
        Assert.Equal(first.ProviderMessageId, retry.ProviderMessageId);
        Assert.Equal(["vanthu@yendung.bacgiang.gov.vn"], sent.To);
        Assert.Equal(["tv.bcd@bacgiang.gov.vn"], sent.Cc);
        Assert.Equal("thuongtruc138@congan.bacgiang.gov.vn", sent.From);
        Assert.Equal("[Nhắc hạn] Báo cáo – còn 7 ngày", sent.Subject);
        Assert.Equal("Bearer ***", sent.Headers["Authorization"]);
        Assert.Equal("Nội dung", sent.Text);
    }

    [Fact]
    public async Task CrashBetweenRecordAndSend_IsSurfacedNotResent_UntilResolved()
    {
        var services = fixture.Email(TimeProvider.System);
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "so-y-te", "bao-cao", "bao-cao:chase:1"));
        // What the mailer does first; the process then dies before sending.
        var (claimed, _) = await services.GetRequiredService<MailLedger>().TryClaimAsync(mail.Key, "vanthu@yendung.bacgiang.gov.vn", mail.Content.Subject, DateTimeOffset.UtcNow);
        Assert.NotNull(claimed);

        // The restarted process retries the activity.
        var restarted = fixture.Email(TimeProvider.System).GetRequiredService<IMailer>();
        var retry = await restarted.SendAsync(mail);

        Assert.Equal(MailSendOutcome.PendingUnconfirmed, retry.Outcome);
        Assert.Empty(SentWithKey(mail.Key));
        Assert.Contains(await restarted.ListPendingAsync(), r => r.Key == mail.Key);

        // An operator checks the provider by the message_key custom arg, finds nothing, and releases the key.
        await restarted.ResolvePendingAsync(mail.Key, delivered: false);
        var afterResolve = await restarted.SendAsync(mail);
        var again = await restarted.SendAsync(mail);

        Assert.Equal(MailSendOutcome.Sent, afterResolve.Outcome);
        Assert.Equal(MailSendOutcome.AlreadySent, again.Outcome);
        Assert.Single(SentWithKey(mail.Key));
        Assert.DoesNotContain(await restarted.ListPendingAsync(), r => r.Key == mail.Key);
    }

    [Fact]
    public async Task ResolvedAsDelivered_IsNeverSentAgain()
    {
        var services = fixture.Email(TimeProvider.System);
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "so-y-te", "bao-cao", "bao-cao:chase:2"));
        await services.GetRequiredService<MailLedger>().TryClaimAsync(mail.Key, "x", "y", DateTimeOffset.UtcNow);
        var mailer = services.GetRequiredService<IMailer>();

        await mailer.ResolvePendingAsync(mail.Key, delivered: true);

        Assert.Equal(MailSendOutcome.AlreadySent, (await mailer.SendAsync(mail)).Outcome);
        Assert.Empty(SentWithKey(mail.Key));
    }

    [Fact]
    public async Task UnreachableProvider_ReleasesTheKey_SoTheRetrySendsOnce()
    {
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "so-tu-phap", "bao-cao", "bao-cao:reminder:3"));
        var down = fixture.Email(TimeProvider.System, host: $"http://127.0.0.1:{ClosedPort()}").GetRequiredService<IMailer>();

        await Assert.ThrowsAsync<HttpRequestException>(() => down.SendAsync(mail));
        Assert.DoesNotContain(await down.ListPendingAsync(), r => r.Key == mail.Key);

        var up = fixture.Email(TimeProvider.System).GetRequiredService<IMailer>();
        Assert.Equal(MailSendOutcome.Sent, (await up.SendAsync(mail)).Outcome);
        Assert.Single(SentWithKey(mail.Key));
    }

    [Fact]
    public async Task Sink_RefusesAMalformedRequest_NamingTheFields()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Sink.BaseUrl) };
        using var noAuth = new StringContent("{}", Encoding.UTF8, "application/json");
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/v3/mail/send")
        {
            Content = new StringContent("""{"from":{"email":"a@b.vn"},"personalizations":[{"to":[]}],"content":[]}""", Encoding.UTF8, "application/json"),
        };
        bad.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "k");

        var unauthorised = await http.PostAsync("/v3/mail/send", noAuth);
        var malformed = await http.SendAsync(bad);
        var body = await malformed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("personalizations.0.to", body, StringComparison.Ordinal);
        Assert.Contains("subject", body, StringComparison.Ordinal);
        Assert.Contains("content", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sink_AppendsEveryRequestToItsJournal()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mailsink-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var sink = await MailSinkServer.StartAsync(path))
            {
                using var http = new HttpClient();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"{sink.BaseUrl}/v3/mail/send") { Content = new StringContent("{}") };
                await http.SendAsync(request);
                using var list = await http.GetAsync($"{sink.BaseUrl}/messages");
                Assert.Contains("\"status\":401", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                await http.DeleteAsync($"{sink.BaseUrl}/messages");
                Assert.Empty(sink.Recorder.Messages);
            }

            Assert.Single(await File.ReadAllLinesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Options_WithoutApiKey_FailValidation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddWorkflowEmail();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
    }

    private IEnumerable<RecordedMail> SentWithKey(string key) =>
        fixture.Sink.Accepted.Where(m => m.CustomArgs.TryGetValue(SendGridMailer.MessageKeyArg, out var k) && k == key);

    private static OutgoingMail Mail(string key) =>
        new(key, [new Recipient("vanthu@yendung.bacgiang.gov.vn", "Văn thư huyện Yên Dũng")], new MailContent("[Nhắc hạn] Báo cáo – còn 7 ngày", "Nội dung", "<p>Nội dung</p>"))
        {
            Cc = [new Recipient("tv.bcd@bacgiang.gov.vn")],
        };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
