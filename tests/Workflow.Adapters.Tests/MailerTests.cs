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
    public async Task CrashAfterClaim_ProviderHasNoRecord_TheOutboxResendsItOnce()
    {
        var services = fixture.Email(TimeProvider.System);
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "so-y-te", "bao-cao", "bao-cao:chase:1"));
        // What the mailer does first; the process then dies before sending.
        await ClaimAsync(services, mail);

        // The restarted process retries the activity: the key is not sent blindly a second time.
        var restarted = fixture.Email(TimeProvider.System);
        var retry = await restarted.GetRequiredService<IMailer>().SendAsync(mail);
        Assert.Equal(MailSendOutcome.PendingUnconfirmed, retry.Outcome);
        Assert.Empty(SentWithKey(mail.Key));
        var outbox = restarted.GetRequiredService<MailOutbox>();
        Assert.Contains(await outbox.ListAsync(CycleOf(mail)), r => r.Key == mail.Key && r.State == MailState.Pending);

        // The outbox asks the provider by message_key, finds nothing, and sends it: once, however often it runs.
        var first = await outbox.DeliverAsync();
        var second = await outbox.DeliverAsync();

        Assert.Equal((1, 1, 0), (first.Requeued, first.Sent, first.Confirmed));
        Assert.Equal(new MailOutboxRun(0, 0, 0, 0, 0), second);
        var sent = Assert.Single(SentWithKey(mail.Key));
        Assert.Equal("[Nhắc hạn] Báo cáo – còn 7 ngày", sent.Subject);
        Assert.Equal(["tv.bcd@bacgiang.gov.vn"], sent.Cc);
        Assert.Equal(MailState.Sent, (await restarted.GetRequiredService<MailLedger>().GetAsync(mail.Key))!.State);
        Assert.Equal(MailSendOutcome.AlreadySent, (await restarted.GetRequiredService<IMailer>().SendAsync(mail)).Outcome);
        Assert.Empty(await outbox.ListAsync(CycleOf(mail)));
    }

    [Fact]
    public async Task CrashAfterSend_ProviderHasTheMail_TheOutboxConfirmsItWithoutResending()
    {
        var services = fixture.Email(TimeProvider.System);
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "so-y-te", "bao-cao", "bao-cao:chase:2"));
        // Claimed and sent, and the process died before marking it sent.
        await ClaimAsync(services, mail);
        var wire = await services.GetRequiredService<SendGridTransport>().SendAsync(mail.Content, [new BatchRecipient(mail.Key, mail.To, new Dictionary<string, string>()) { Cc = mail.Cc }]);
        Assert.True(wire.Delivered);

        var outbox = fixture.Email(TimeProvider.System).GetRequiredService<MailOutbox>();
        var run = await outbox.DeliverAsync();
        await outbox.DeliverAsync();

        Assert.Equal((1, 0, 0), (run.Confirmed, run.Sent, run.Requeued));
        Assert.Single(SentWithKey(mail.Key));
        var record = await services.GetRequiredService<MailLedger>().GetAsync(mail.Key);
        Assert.Equal(MailState.Sent, record!.State);
        Assert.StartsWith(wire.ProviderMessageId!, record.ProviderMessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PendingKey_WhenTheProviderCannotBeAsked_StaysPendingAndIsNotSent_UntilAnOperatorResends()
    {
        var services = fixture.Email(TimeProvider.System);
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "so-y-te", "bao-cao", "bao-cao:chase:3"));
        await ClaimAsync(services, mail);
        var outbox = services.GetRequiredService<MailOutbox>();
        fixture.Sink.Recorder.FailNextLookups(1);

        var run = await outbox.DeliverAsync();

        Assert.Equal(new MailOutboxRun(0, 0, 0, 0, 0), run);
        Assert.Empty(SentWithKey(mail.Key));
        var pending = Assert.Single(await outbox.ListAsync(CycleOf(mail)));
        Assert.Equal(MailState.Pending, pending.State);
        Assert.Contains("không tra cứu được", pending.LastError, StringComparison.Ordinal);
        Assert.NotNull(outbox.Status.LastError);

        // The operator resends: the provider is asked again (it has nothing), and the key goes out once.
        var resent = await outbox.ResendAsync(mail.Key);
        await outbox.DeliverAsync();
        await outbox.DeliverAsync();

        Assert.Equal(MailState.Queued, resent.State);
        Assert.Single(SentWithKey(mail.Key));
        await Assert.ThrowsAsync<InvalidOperationException>(() => outbox.ResendAsync(mail.Key));
    }

    [Fact]
    public async Task UnreachableProvider_QueuesTheKey_AndTheOutboxSendsItOnceWhenDue()
    {
        var clock = Clock.AtVietnam(2024, 4, 24, 8);
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "so-tu-phap", "bao-cao", "bao-cao:reminder:3"));
        var down = fixture.Email(clock, host: $"http://127.0.0.1:{ClosedPort()}");

        var result = await down.GetRequiredService<IMailer>().SendAsync(mail);
        await down.GetRequiredService<MailOutbox>().DeliverAsync();

        Assert.Equal(MailSendOutcome.Queued, result.Outcome);
        var queued = Assert.Single(await down.GetRequiredService<MailOutbox>().ListAsync(CycleOf(mail)));
        Assert.Equal((MailState.Queued, 1, clock.GetUtcNow().AddSeconds(30)), (queued.State, queued.Attempts, queued.DueAt));
        Assert.Contains("Không kết nối được", queued.LastError, StringComparison.Ordinal);
        Assert.Equal((1, 0, 0), (down.GetRequiredService<MailOutbox>().Status.Queued, down.GetRequiredService<MailOutbox>().Status.Pending, down.GetRequiredService<MailOutbox>().Status.Failed));

        var up = fixture.Email(clock).GetRequiredService<MailOutbox>();
        Assert.Equal(0, (await up.DeliverAsync()).Sent);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await up.DeliverAsync()).Sent);
        Assert.Equal(0, (await up.DeliverAsync()).Sent);

        Assert.Single(SentWithKey(mail.Key));
        Assert.Equal(0, up.Status.Backlog);
    }

    [Fact]
    public async Task PermanentRefusal_MarksTheKeyFailed_AndAnOperatorsResendSendsItOnce()
    {
        await using var sink = await MailSinkServer.StartAsync();
        var services = fixture.Email(TimeProvider.System, host: sink.BaseUrl);
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "so-noi-vu", "bao-cao", "bao-cao:reminder:1"));
        sink.Recorder.FailNextRequests(1, status: 400);

        var result = await services.GetRequiredService<IMailer>().SendAsync(mail);
        var outbox = services.GetRequiredService<MailOutbox>();
        await outbox.DeliverAsync();

        Assert.Equal(MailSendOutcome.Failed, result.Outcome);
        var failed = Assert.Single(await outbox.ListAsync(CycleOf(mail)));
        Assert.Equal((MailState.Failed, 1), (failed.State, failed.Attempts));
        Assert.Equal(1, outbox.Status.Failed);
        Assert.Empty(sink.Accepted);

        await outbox.ResendAsync(mail.Key);
        await outbox.DeliverAsync();
        await outbox.DeliverAsync();

        Assert.Single(sink.Accepted, m => m.CustomArgs[SendGridMailer.MessageKeyArg] == mail.Key);
        Assert.Empty(await outbox.ListAsync(CycleOf(mail)));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => outbox.ResendAsync($"{CycleOf(mail)}:khong-co:thu"));
    }

    [Fact]
    public async Task Sink_AnswersTheActivityLookupByMessageKey_AsSendGridDoes()
    {
        var services = fixture.Email(TimeProvider.System);
        var mail = Mail(MessageKeys.For(AdapterFixture.NewCycleId(), "so-y-te", "bao-cao", "bao-cao:reminder:1"));
        var transport = services.GetRequiredService<SendGridTransport>();

        var before = await transport.LookupAsync(mail.Key);
        await services.GetRequiredService<IMailer>().SendAsync(mail);
        var after = await transport.LookupAsync(mail.Key);

        Assert.Equal(ProviderLookup.NotFound, before.Outcome);
        Assert.Equal(ProviderLookup.Found, after.Outcome);
        Assert.StartsWith("sink-", after.MessageId, StringComparison.Ordinal);
        Assert.Equal(ProviderLookup.Unavailable, (await fixture.Email(TimeProvider.System, host: $"http://127.0.0.1:{ClosedPort()}").GetRequiredService<SendGridTransport>().LookupAsync(mail.Key)).Outcome);
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

    /// <summary>The mailer's first step (content stored, key claimed with its personalization), after which the process dies.</summary>
    private static async Task ClaimAsync(ServiceProvider services, OutgoingMail mail)
    {
        var ledger = services.GetRequiredService<MailLedger>();
        var content = await ledger.SaveContentAsync(mail.Content);
        var (claimed, _) = await ledger.TryClaimAsync(
            new MailClaimRequest(mail.Key, "vanthu@yendung.bacgiang.gov.vn", mail.Content.Subject)
            {
                ContentId = content,
                Recipient = new BatchRecipient(mail.Key, mail.To, new Dictionary<string, string>()) { Cc = mail.Cc },
            },
            DateTimeOffset.UtcNow);
        Assert.NotNull(claimed);
    }

    private static string CycleOf(OutgoingMail mail) => mail.Key.Split(':')[0];

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
