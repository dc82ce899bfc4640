using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Email;
using Workflow.MailSink;

namespace Workflow.Adapters.Tests;

[Collection(AdapterCollection.Name)]
public sealed class MailBatchTests(AdapterFixture fixture)
{
    private static readonly MailContent Template = new(
        "[Nhắc hạn] Báo cáo của -ten-don-vi- – còn 7 ngày",
        "Kính gửi: -ten-don-vi-\nĐường dẫn nộp hồ sơ của đơn vị: -duong-dan-",
        "<p>Kính gửi: -ten-don-vi-</p><p><a href=\"-duong-dan-\">-duong-dan-</a></p>");

    [Fact]
    public async Task Batch_Of1500_GoesOutInTwoRequests_EachUnitWithItsOwnLink_AndIsNeverSentTwice()
    {
        await using var sink = await MailSinkServer.StartAsync();
        var services = fixture.Email(TimeProvider.System, host: sink.BaseUrl);
        var mailer = services.GetRequiredService<IMailer>();
        var batch = Batch(AdapterFixture.NewCycleId(), 1500);

        var results = await mailer.SendBatchAsync(batch);

        Assert.Equal(batch.Recipients.Select(r => r.Key), results.Select(r => r.Key));
        Assert.All(results, r => Assert.Equal(MailSendOutcome.Sent, r.Outcome));
        var mails = sink.Accepted;
        Assert.Equal([1000, 500], mails.GroupBy(m => m.RequestSequence).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(1500, mails.Select(m => m.Sequence).Distinct().Count());
        var byKey = mails.ToDictionary(m => m.CustomArgs[SendGridMailer.MessageKeyArg]);
        var ledger = services.GetRequiredService<MailLedger>();
        for (var i = 0; i < batch.Recipients.Count; i++)
        {
            var recipient = batch.Recipients[i];
            var mail = byKey[recipient.Key];
            Assert.Equal([Email(i)], mail.To);
            Assert.Equal([$"tv.bcd{i}@bacgiang.example"], mail.Cc);
            Assert.Equal($"[Nhắc hạn] Báo cáo của {Unit(i)} – còn 7 ngày", mail.Subject);
            Assert.Equal($"Kính gửi: {Unit(i)}\nĐường dẫn nộp hồ sơ của đơn vị: {Link(i)}", mail.Text);
            Assert.Equal($"<p>Kính gửi: {Unit(i)}</p><p><a href=\"{Link(i)}\">{Link(i)}</a></p>", mail.Html);
            Assert.Equal(mail.MessageId, results[i].ProviderMessageId);
            var record = await ledger.GetAsync(recipient.Key);
            Assert.Equal(MailState.Sent, record!.State);
            Assert.Equal(mail.MessageId, record.ProviderMessageId);
            Assert.Equal(mail.Subject, record.Subject);
        }

        var again = await mailer.SendBatchAsync(batch);

        Assert.All(again, r => Assert.Equal(MailSendOutcome.AlreadySent, r.Outcome));
        Assert.Equal(results.Select(r => r.ProviderMessageId), again.Select(r => r.ProviderMessageId));
        Assert.Equal(1500, sink.Accepted.Count);
        Assert.Empty(await services.GetRequiredService<MailOutbox>().ListAsync(batch.Recipients[0].Key.Split(':')[0]));
    }

    [Fact]
    public async Task Batch_WhereSomeKeysWereSentOrArePending_SendsOnlyTheRest()
    {
        await using var sink = await MailSinkServer.StartAsync();
        var services = fixture.Email(TimeProvider.System, host: sink.BaseUrl);
        var mailer = services.GetRequiredService<IMailer>();
        // 600 keys over 4 partitions: the ledger transactions mix taken and free keys, so the 409 fallback is exercised.
        var batch = Batch(AdapterFixture.NewCycleId(), 600);
        var sentBefore = batch.Recipients.Where((_, i) => i % 3 == 0).ToList();
        await mailer.SendBatchAsync(batch with { Recipients = sentBefore });
        var single = batch.Recipients[1];
        var singleResult = await mailer.SendAsync(new OutgoingMail(single.Key, single.To, new MailContent("Một thư", "Nội dung", "<p>Nội dung</p>")));
        var crashed = batch.Recipients[2];
        var (claimed, _) = await services.GetRequiredService<MailLedger>().TryClaimAsync(new MailClaimRequest(crashed.Key, Email(2), "y"), DateTimeOffset.UtcNow);
        Assert.NotNull(claimed);
        var requestsBefore = sink.Accepted.Select(m => m.RequestSequence).Distinct().Count();

        var results = await mailer.SendBatchAsync(batch);

        var outcomes = results.ToDictionary(r => r.Key, r => r.Outcome);
        Assert.All(sentBefore, r => Assert.Equal(MailSendOutcome.AlreadySent, outcomes[r.Key]));
        Assert.Equal(MailSendOutcome.AlreadySent, outcomes[single.Key]);
        Assert.Equal(singleResult.ProviderMessageId, results[1].ProviderMessageId);
        Assert.Equal(MailSendOutcome.PendingUnconfirmed, outcomes[crashed.Key]);
        Assert.Equal(600 - sentBefore.Count - 2, outcomes.Values.Count(o => o == MailSendOutcome.Sent));
        Assert.Equal(requestsBefore + 1, sink.Accepted.Select(m => m.RequestSequence).Distinct().Count());
        var perKey = sink.Accepted.GroupBy(m => m.CustomArgs[SendGridMailer.MessageKeyArg]).ToDictionary(g => g.Key, g => g.Count());
        Assert.DoesNotContain(crashed.Key, perKey.Keys);
        Assert.Equal(599, perKey.Count);
        Assert.All(perKey.Values, count => Assert.Equal(1, count));
        Assert.Contains(await services.GetRequiredService<MailOutbox>().ListAsync(crashed.Key.Split(':')[0]), p => p.Key == crashed.Key && p.State == MailState.Pending);
    }

    [Fact]
    public async Task ProviderError_QueuesEveryKey_AndTheOutboxSendsEachOnceWhenDue()
    {
        await using var sink = await MailSinkServer.StartAsync();
        var clock = Clock.AtVietnam(2024, 4, 24, 8);
        var services = fixture.Email(clock, host: sink.BaseUrl);
        var mailer = services.GetRequiredService<IMailer>();
        var outbox = services.GetRequiredService<MailOutbox>();
        var batch = Batch(AdapterFixture.NewCycleId(), 1200);
        sink.Recorder.FailNextRequests(1, status: 503);

        var results = await mailer.SendBatchAsync(batch);

        // The first request was refused; the second was never tried: all 1,200 wait in the outbox, none is lost.
        Assert.All(results, r => Assert.Equal(MailSendOutcome.Queued, r.Outcome));
        Assert.Empty(sink.Accepted);
        Assert.Single(sink.Recorder.Messages.Select(m => m.RequestSequence).Distinct());
        var queued = await outbox.ListAsync(batch.Recipients[0].Key.Split(':')[0]);
        Assert.Equal(1200, queued.Count);
        Assert.All(queued, q => Assert.Contains("503", q.LastError, StringComparison.Ordinal));
        Assert.Equal((1000, 200), (queued.Count(q => q.Attempts == 1), queued.Count(q => q.Attempts == 0)));
        Assert.Equal(new MailOutboxRun(0, 0, 0, 0, 0), await outbox.DeliverAsync());

        clock.Advance(TimeSpan.FromMinutes(1));
        var run = await outbox.DeliverAsync();
        var again = await outbox.DeliverAsync();

        Assert.Equal(1200, run.Sent);
        Assert.Equal(0, again.Sent);
        var keys = batch.Recipients.Select(r => r.Key).ToHashSet();
        Assert.Equal(keys.Order(), sink.Accepted.Select(m => m.CustomArgs[SendGridMailer.MessageKeyArg]).Order());
        Assert.Equal($"[Nhắc hạn] Báo cáo của {Unit(7)} – còn 7 ngày", sink.Accepted.Single(m => m.CustomArgs[SendGridMailer.MessageKeyArg] == batch.Recipients[7].Key).Subject);
        Assert.All(await mailer.SendBatchAsync(batch), r => Assert.Equal(MailSendOutcome.AlreadySent, r.Outcome));
        Assert.Equal(1200, sink.Accepted.Count);
    }

    [Fact]
    public async Task ProviderError_OnTheSecondRequest_KeepsTheFirstSent_AndQueuesOnlyTheRest()
    {
        await using var sink = await MailSinkServer.StartAsync();
        var clock = Clock.AtVietnam(2024, 4, 24, 8);
        var services = fixture.Email(clock, host: sink.BaseUrl);
        var mailer = services.GetRequiredService<IMailer>();
        var batch = Batch(AdapterFixture.NewCycleId(), 1200);
        sink.Recorder.FailNextRequests(1, status: 500, after: 1);

        var results = await mailer.SendBatchAsync(batch);
        clock.Advance(TimeSpan.FromMinutes(1));
        await services.GetRequiredService<MailOutbox>().DeliverAsync();

        Assert.Equal((1000, 200), (results.Count(r => r.Outcome == MailSendOutcome.Sent), results.Count(r => r.Outcome == MailSendOutcome.Queued)));
        var sent = sink.Accepted.Select(m => m.CustomArgs[SendGridMailer.MessageKeyArg]).ToList();
        Assert.Equal(1200, sent.Count);
        Assert.Equal(1200, sent.Distinct().Count());
        Assert.Empty(await services.GetRequiredService<MailOutbox>().ListAsync(batch.Recipients[0].Key.Split(':')[0]));
    }

    [Fact]
    public async Task AddressInBothToAndCc_IsSentOnlyAsTo()
    {
        var mailer = fixture.Email(TimeProvider.System).GetRequiredService<IMailer>();
        var key = MessageKeys.For(AdapterFixture.NewCycleId(), "huyen-yen-dung", "bao-cao", "bao-cao:reminder:7");
        var batch = new MailBatch(Template,
        [
            new BatchRecipient(key, [new Recipient("vanthu@yendung.bacgiang.example")], Substitutions(0))
            {
                Cc = [new Recipient("VanThu@YenDung.BacGiang.example"), new Recipient("tv.bcd@bacgiang.example")],
            },
        ]);

        var result = Assert.Single(await mailer.SendBatchAsync(batch));

        Assert.Equal(MailSendOutcome.Sent, result.Outcome);
        var mail = Assert.Single(fixture.Sink.Accepted, m => m.CustomArgs.TryGetValue(SendGridMailer.MessageKeyArg, out var k) && k == key);
        Assert.Equal(["vanthu@yendung.bacgiang.example"], mail.To);
        Assert.Equal(["tv.bcd@bacgiang.example"], mail.Cc);
    }

    [Fact]
    public async Task InvalidBatches_AreRefusedBeforeAnyKeyIsClaimed()
    {
        var services = fixture.Email(TimeProvider.System);
        var mailer = services.GetRequiredService<IMailer>();
        var cycle = AdapterFixture.NewCycleId();
        var good = new BatchRecipient(MessageKeys.PlanNotice(cycle, "so-y-te"), [new Recipient("vanthu@soyte.example")], Substitutions(1));
        var noTo = new BatchRecipient(MessageKeys.PlanNotice(cycle, "so-tu-phap"), [], Substitutions(2));

        Assert.Empty(await mailer.SendBatchAsync(new MailBatch(Template, [])));
        var missing = await Assert.ThrowsAsync<ArgumentException>(() => mailer.SendBatchAsync(new MailBatch(Template, [good, noTo])));
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => mailer.SendBatchAsync(new MailBatch(Template, [good, good with { To = [new Recipient("khac@soyte.example")] }])));
        await Assert.ThrowsAsync<ArgumentException>(() => mailer.SendBatchAsync(new MailBatch(Template, [good, good with { Key = $"{cycle}:bad/key" }])));

        Assert.Contains(noTo.Key, missing.Message, StringComparison.Ordinal);
        Assert.Contains(good.Key, duplicate.Message, StringComparison.Ordinal);
        Assert.Null(await services.GetRequiredService<MailLedger>().GetAsync(good.Key));
    }

    [Fact]
    public async Task Sink_RecordsEachPersonalization_AndRefusesWhatSendGridWould()
    {
        await using var sink = await MailSinkServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(sink.BaseUrl) };

        using var accepted = await Post(http, Body(
            """{"to":[{"email":"a@x.example"}],"substitutions":{"-n-":"A","-l-":"/u/a"},"custom_args":{"message_key":"k-a"}}""",
            """{"to":[{"email":"b@x.example"}],"cc":[{"email":"c@x.example"}],"substitutions":{"-n-":"B -l-","-l-":"/u/b"},"custom_args":{"message_key":"k-b","run":"p"}}"""));
        using var overlap = await Post(http, Body("""{"to":[{"email":"a@x.example"}],"cc":[{"email":"A@x.example"}]}"""));
        using var tooMany = await Post(http, Body([.. Enumerable.Repeat("""{"to":[{"email":"a@x.example"}]}""", 1001)]));

        Assert.Equal(202, (int)accepted.StatusCode);
        Assert.Equal("sink-1", accepted.Headers.GetValues("X-Message-Id").Single());
        var mails = sink.Accepted;
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal(1, m.RequestSequence));
        Assert.Equal([1L, 2L], mails.Select(m => m.Sequence));
        Assert.Equal("Thư gửi A", mails[0].Subject);
        Assert.Equal("A: /u/a", mails[0].Text);
        // Substitution is one pass: a value containing another tag is not substituted again.
        Assert.Equal("<p>B -l-: /u/b</p>", mails[1].Html);
        Assert.Equal(["c@x.example"], mails[1].Cc);
        // Personalization args override top-level ones of the same name.
        Assert.Equal(["message_key=k-a", "run=t"], mails[0].CustomArgs.Select(a => $"{a.Key}={a.Value}").Order());
        Assert.Equal(["message_key=k-b", "run=p"], mails[1].CustomArgs.Select(a => $"{a.Key}={a.Value}").Order());
        Assert.Equal(400, (int)overlap.StatusCode);
        Assert.Contains("both to and cc", await overlap.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(400, (int)tooMany.StatusCode);
        Assert.Contains("at most 1000", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([2L, 3L], sink.Recorder.Messages.Where(m => !m.Accepted).Select(m => m.RequestSequence));
    }

    private static string Body(params string[] personalizations) =>
        $$"""{"from":{"email":"thuongtruc138@congan.bacgiang.example"},"subject":"Thư gửi -n-","custom_args":{"run":"t"},"personalizations":[{{string.Join(",", personalizations)}}],"content":[{"type":"text/plain","value":"-n-: -l-"},{"type":"text/html","value":"<p>-n-: -l-</p>"}]}""";

    private static async Task<HttpResponseMessage> Post(HttpClient http, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/mail/send") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "k");
        return await http.SendAsync(request);
    }

    private static MailBatch Batch(string cycleId, int count) => new(Template,
    [
        .. Enumerable.Range(0, count).Select(i => new BatchRecipient(
            MessageKeys.For(cycleId, $"don-vi-{i:0000}", "bao-cao", "bao-cao:reminder:7"),
            [new Recipient(Email(i), Unit(i))],
            Substitutions(i))
        {
            Cc = [new Recipient($"tv.bcd{i}@bacgiang.example")],
        }),
    ]);

    private static Dictionary<string, string> Substitutions(int i) => new() { ["-ten-don-vi-"] = Unit(i), ["-duong-dan-"] = Link(i) };

    private static string Unit(int i) => $"Đơn vị số {i.ToString(CultureInfo.InvariantCulture)}";

    private static string Email(int i) => $"vanthu{i.ToString(CultureInfo.InvariantCulture)}@donvi.bacgiang.example";

    private static string Link(int i) => $"http://127.0.0.1:5080/u/token-{i:0000}";
}
