using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application;
using Workflow.Email;
using Workflow.Storage;

namespace Workflow.Api.Tests;

/// <summary>
/// Mail on a running host goes through the outbox: an upload never depends on the mail endpoint, a crash between the
/// upload and its receipt does not lose the receipt, and operators see and resend undelivered mails. The host's own
/// sender loop delivers (woken here, with its clock moved past the retry delay).
/// </summary>
public sealed class MailOutboxTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Upload_WithTheMailEndpointDown_Gets201_AndExactlyOneReceiptArrivesOnceTheEndpointIsBack()
    {
        await AllPlanNoticesSentAsync();
        using var unit = host.Unit(await host.TokenAsync("bcd-hiep-hoa"));
        host.Sink.Recorder.FailNextRequests(1000, status: 503);
        try
        {
            using var form = Uploads.ReportForm(host.Plan, Uploads.Pdf("Báo cáo Hiệp Hòa"));
            var receipt = await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", form), HttpStatusCode.Created);
            var key = MessageKeys.Receipt(ApiHost.CycleId, receipt.GetProperty("receiptNumber").GetString()!);
            Assert.Equal(1, receipt.GetProperty("version").GetInt32());
            Assert.Empty(Sent(key));

            var pending = await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/mails?state=pending");
            var row = Assert.Single(pending.EnumerateArray(), m => m.GetProperty("key").GetString() == key);
            Assert.Equal(("queued", "Chờ gửi lại", 1), (row.GetProperty("state").GetString(), row.GetProperty("stateText").GetString(), row.GetProperty("attempts").GetInt32()));
            Assert.Contains("503", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Contains("vanphong@hiephoa.bacgiang.example", row.GetProperty("recipients").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, host.Services.GetRequiredService<MailOutboxService>().Status.Failed);

            host.Sink.Recorder.FailNextRequests(0);
            await DeliverDueAsync(TimeSpan.FromMinutes(1));
            await ApiHost.Eventually(() => Sent(key).Any());
            await DeliverDueAsync(TimeSpan.FromMinutes(1));

            var mail = Assert.Single(Sent(key));
            Assert.Contains(receipt.GetProperty("receiptNumber").GetString()!, mail.Text, StringComparison.Ordinal);
            Assert.DoesNotContain((await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/mails")).EnumerateArray(), m => m.GetProperty("key").GetString() == key);
            Assert.Single((await host.GetJsonAsync(unit, "/api/unit/receipts")).EnumerateArray(), r => r.GetProperty("subject").GetString() == Uploads.Report);
        }
        finally
        {
            host.Sink.Recorder.FailNextRequests(0);
        }
    }

    [Fact]
    public async Task CrashBetweenTheUploadAndItsReceipt_TheOutboxSendsTheReceiptOnce_FromTheAuditRows()
    {
        await AllPlanNoticesSentAsync();
        var services = host.Services;
        var key = new SubmissionKey(ApiHost.CycleId, "bcd-lang-giang", Uploads.Report);
        var arrival = ApiHost.Vn(3, 11, 9);
        // What the boundary does before the process dies: the intent, then the upload stored and counted; no receipt.
        await services.GetRequiredService<MailOutboxService>().IntendAsync(key, arrival);
        var result = await services.GetRequiredService<UploadAcceptance>().AcceptAsync(
            new UploadRequest(key, "bao-cao.pdf", "application/pdf", new MemoryStream(Uploads.Pdf("Lạng Giang"))) { ReceivedAt = arrival });
        var mailKey = MessageKeys.Receipt(ApiHost.CycleId, result.ReceiptNumber!);
        Assert.True(result.Accepted);

        // Within the grace period the upload may still be running: nothing is sent on its behalf.
        await DeliverDueAsync(TimeSpan.Zero);
        Assert.Empty(Sent(mailKey));
        await DeliverDueAsync(TimeSpan.FromMinutes(3));
        await ApiHost.Eventually(() => Sent(mailKey).Any());
        await DeliverDueAsync(TimeSpan.FromMinutes(3));

        var mail = Assert.Single(Sent(mailKey));
        Assert.Contains("Lạng Giang", mail.Subject + mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorListing_ShowsAFailedReceipt_AndItsResendSendsItOnce()
    {
        await AllPlanNoticesSentAsync();
        using var unit = host.Unit(await host.TokenAsync("bcd-viet-yen"));
        // SendGrid refuses the receipt for good (as for a bad request): it is failed, not retried.
        host.Sink.Recorder.FailNextRequests(1, status: 400);
        using var form = Uploads.ReportForm(host.Plan, Uploads.Pdf("Báo cáo Việt Yên"));
        var receipt = await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", form), HttpStatusCode.Created);
        var key = MessageKeys.Receipt(ApiHost.CycleId, receipt.GetProperty("receiptNumber").GetString()!);
        var cycle = $"/api/cycles/{ApiHost.CycleId}";

        var failed = await host.GetJsonAsync(host.Operator, $"{cycle}/mails?state=failed");
        var row = Assert.Single(failed.EnumerateArray(), m => m.GetProperty("key").GetString() == key);
        Assert.Equal("Gửi thất bại", row.GetProperty("stateText").GetString());
        Assert.DoesNotContain((await host.GetJsonAsync(host.Operator, $"{cycle}/mails?state=pending")).EnumerateArray(), m => m.GetProperty("key").GetString() == key);
        Assert.Equal(["state"], (await ApiHost.ProblemAsync(await host.Operator.GetAsync($"{cycle}/mails?state=lost"), HttpStatusCode.BadRequest)).Fields);
        await ApiHost.ProblemAsync(await host.Operator.GetAsync("/api/cycles/khong-co/mails"), HttpStatusCode.NotFound);
        await ApiHost.ProblemAsync(await host.Anonymous.GetAsync($"{cycle}/mails"), HttpStatusCode.Unauthorized);
        await ApiHost.ProblemAsync(await unit.GetAsync($"{cycle}/mails"), HttpStatusCode.Forbidden);

        var resent = await ApiHost.ReadAsync(await host.Operator.PostAsync($"{cycle}/mails/{Uri.EscapeDataString(key)}/resend", null), HttpStatusCode.Accepted);
        Assert.Equal("queued", resent.GetProperty("state").GetString());
        await ApiHost.Eventually(() => Sent(key).Any());
        await DeliverDueAsync(TimeSpan.FromMinutes(1));

        Assert.Single(Sent(key));
        Assert.Empty((await host.GetJsonAsync(host.Operator, $"{cycle}/mails?state=failed")).EnumerateArray());
        Assert.Equal(["key"], (await ApiHost.ProblemAsync(await host.Operator.PostAsync($"{cycle}/mails/{Uri.EscapeDataString(key)}/resend", null), HttpStatusCode.Conflict)).Fields);
        await ApiHost.ProblemAsync(await host.Operator.PostAsync($"{cycle}/mails/{Uri.EscapeDataString("khac:receipt:1")}/resend", null), HttpStatusCode.NotFound);
    }

    private IEnumerable<MailSink.RecordedMail> Sent(string key) =>
        host.Sink.Accepted.Where(m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg) == key);

    /// <summary>Moves the host's clock on (past retry delays and grace periods) and wakes its sender loop; returns once a run has finished.</summary>
    private async Task DeliverDueAsync(TimeSpan by)
    {
        var outbox = host.Services.GetRequiredService<MailOutbox>();
        var before = outbox.Status.LastRunAt;
        // A tick more, so the run that follows is told apart from the one before.
        host.Time.Advance(by + TimeSpan.FromTicks(1));
        outbox.Wake();
        await ApiHost.Eventually(() => outbox.Status.LastRunAt is { } at && at != before && at >= host.Time.GetUtcNow());
    }

    /// <summary>The plan notices go out in batches right after the start: wait for all, so an injected failure hits the upload's mail.</summary>
    private async Task AllPlanNoticesSentAsync()
    {
        // Units with something to hand in (a status row) and an address get one each.
        var owing = (await host.GetJsonAsync(host.Operator, $"/api/cycles/{ApiHost.CycleId}/units")).EnumerateArray().Select(r => r.GetProperty("unitId").GetString()).ToHashSet();
        var expected = host.Plan.Units.Count(u => u.Emails.Count > 0 && owing.Contains(u.Id));
        await ApiHost.Eventually(() => host.Sink.Accepted.Count(m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg)?.EndsWith(":plan:notice", StringComparison.Ordinal) == true) >= expected, seconds: 60);
    }
}
