using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Email;

namespace Workflow.Api.Tests;

/// <summary>
/// Tổng hợp ngay through the API: snapshots at the cycle's current instant (a stepped rehearsal's), kept with who asked,
/// listed newest first, each with its own files, beside a final export list that stays empty until the close. A plan
/// with a milestone shows it in the cycle's deadlines and timeline, and its reminder reaches the operators with the
/// snapshot it took.
/// </summary>
public sealed class ConsolidationSnapshotTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string MilestoneCycle = "bg-api-moc";
    private const string Conference = "hoi-nghi-tong-ket";

    [Fact]
    public async Task Snapshots_AreTakenAtTheCyclesInstant_KeptApart_ListedAndDownloaded()
    {
        var cycle = $"/api/cycles/{ApiHost.CycleId}";
        Assert.Equal(0, (await host.GetJsonAsync(host.Operator, $"{cycle}/consolidations")).GetArrayLength());
        using (var unit = host.Unit(await host.TokenAsync("bcd-yen-the")))
        {
            using var report = Uploads.ReportForm(host.Plan, Uploads.Pdf("Báo cáo Yên Thế"));
            await ApiHost.ReadAsync(await unit.PostAsync($"/api/unit/reports/{Uploads.Report}", report), HttpStatusCode.Created);
        }

        var posted = await host.Operator.PostAsync($"{cycle}/consolidations", content: null);
        var first = await ApiHost.ReadAsync(posted, HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("url").GetString(), posted.Headers.Location?.ToString());
        Assert.Equal(("11/03/2024 09:00", "operator", 1, 0), (first.GetProperty("atText").GetString(), first.GetProperty("requestedBy").GetString(),
            first.GetProperty("onTime").GetInt32(), first.GetProperty("missing").GetInt32()));
        Assert.Equal(first.GetProperty("expected").GetInt32() - 1, first.GetProperty("pending").GetInt32());
        Assert.StartsWith("20240311T020000Z-", first.GetProperty("id").GetString(), StringComparison.Ordinal);

        // Refused bodies name their field and take nothing.
        var (_, fields) = await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/consolidations", new { requestedBy = " ", note = new string('n', 2001) }), HttpStatusCode.BadRequest);
        Assert.Equal(["requestedBy", "note"], fields);
        await ApiHost.ProblemAsync(await host.Operator.PostAsJsonAsync($"{cycle}/consolidations", new { reason = "x" }), HttpStatusCode.BadRequest);
        await ApiHost.ProblemAsync(await host.Operator.PostAsync("/api/cycles/khong-co/consolidations", content: null), HttpStatusCode.NotFound);

        // Later, past the report's deadline: the silent units are missing now, and the second snapshot says so.
        await host.AdvanceAsync(ApiHost.Vn(5, 2, 9));
        var second = await ApiHost.ReadAsync(
            await host.Operator.PostAsJsonAsync($"{cycle}/consolidations", new { requestedBy = "Phòng PV01", note = "Số liệu giao ban tháng 5" }), HttpStatusCode.Created);
        Assert.Equal(("02/05/2024 09:00", "Phòng PV01", "Số liệu giao ban tháng 5"),
            (second.GetProperty("atText").GetString(), second.GetProperty("requestedBy").GetString(), second.GetProperty("note").GetString()));
        Assert.True(second.GetProperty("missing").GetInt32() > 0);

        var listed = (await host.GetJsonAsync(host.Operator, $"{cycle}/consolidations")).EnumerateArray().ToList();
        Assert.Equal([second.GetProperty("id").GetString(), first.GetProperty("id").GetString()], listed.Select(s => s.GetProperty("id").GetString()));

        var one = await host.GetJsonAsync(host.Operator, first.GetProperty("url").GetString()!);
        var exports = one.GetProperty("exports").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("url").GetString()!);
        Assert.Contains("tong-hop.xlsx", exports.Keys);
        var units = await host.Operator.GetAsync(exports[$"{Uploads.Report}-don-vi.csv"]);
        Assert.Equal(HttpStatusCode.OK, units.StatusCode);
        Assert.Equal("text/csv", units.Content.Headers.ContentType?.MediaType);
        var csv = await units.Content.ReadAsStringAsync();
        Assert.Contains("Đúng hạn", csv, StringComparison.Ordinal);
        Assert.Contains("Chưa báo cáo", csv, StringComparison.Ordinal);
        Assert.Equal([0x50, 0x4B, 0x03, 0x04], (await (await host.Operator.GetAsync(exports["tong-hop.xlsx"])).Content.ReadAsByteArrayAsync())[..4]);
        await ApiHost.ProblemAsync(await host.Operator.GetAsync($"{first.GetProperty("url").GetString()}/exports/..%2F..%2Ftong-hop.xlsx"), HttpStatusCode.NotFound);
        await ApiHost.ProblemAsync(await host.Operator.GetAsync($"{first.GetProperty("url").GetString()}/exports/khac.csv"), HttpStatusCode.NotFound);
        await ApiHost.ProblemAsync(await host.Operator.GetAsync($"{cycle}/consolidations/20240311T020000Z-khongco"), HttpStatusCode.NotFound);
        await ApiHost.ProblemAsync(await host.Operator.GetAsync($"{cycle}/consolidations/..%2F..%2Fkhac"), HttpStatusCode.NotFound);

        // Snapshots never become the cycle's final exports, which exist only once it has closed.
        Assert.Equal(0, (await host.GetJsonAsync(host.Operator, $"{cycle}/exports")).GetArrayLength());
        var timeline = (await host.GetJsonAsync(host.Operator, $"{cycle}/timeline")).EnumerateArray().ToList();
        Assert.Equal(2, timeline.Count(e => e.GetProperty("kind").GetString() == "consolidation-snapshot"));
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "consolidation-snapshot" && e.GetProperty("detail").GetString()!.Contains("Phòng PV01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Milestone_ShowsInTheDeadlinesAndTimeline_AndRemindsTheOperatorsWithItsSnapshot()
    {
        var plan = host.Plan with
        {
            OperatorEmails = ["thuongtruc@congan.bacgiang.example"],
            Milestones = [new Milestone { Id = Conference, Title = "Hội nghị tổng kết cấp tỉnh", Deadline = Deadline.Before(new DateOnly(2024, 7, 15)), Consolidate = true }],
        };
        using var content = new StringContent(PlanJson.Write(plan), System.Text.Encoding.UTF8, "application/json");
        var from = Uri.EscapeDataString(ApiHost.Vn(3, 11, 9).ToString("O"));
        await ApiHost.ReadAsync(await host.Operator.PostAsync($"/api/cycles?id={MilestoneCycle}&rehearsal=step&from={from}", content), HttpStatusCode.Accepted);
        var cycle = $"/api/cycles/{MilestoneCycle}";
        await ApiHost.Eventually(async () => (await host.GetJsonAsync(host.Operator, cycle)).GetProperty("progress").ValueKind == JsonValueKind.Object);

        var milestone = (await host.GetJsonAsync(host.Operator, cycle)).GetProperty("milestones").EnumerateArray().Single();
        Assert.Equal(("Hội nghị tổng kết cấp tỉnh", "trước ngày 15/07/2024", "14/07/2024 23:59", false, true),
            (milestone.GetProperty("title").GetString(), milestone.GetProperty("deadlineText").GetString(), milestone.GetProperty("lastAcceptedText").GetString(),
             milestone.GetProperty("reached").GetBoolean(), milestone.GetProperty("consolidate").GetBoolean()));
        Assert.Equal(["08/07/2024 08:00 (nhắc trước hạn 7 ngày)", "12/07/2024 08:00 (nhắc trước hạn 3 ngày)", "14/07/2024 08:00 (nhắc trước hạn 1 ngày)"],
            milestone.GetProperty("remindersText").EnumerateArray().Select(r => r.GetString()));
        var upcoming = (await host.GetJsonAsync(host.Operator, $"{cycle}/timeline")).EnumerateArray().First();
        Assert.Equal(("milestone-upcoming", "15/07/2024 00:00:00"), (upcoming.GetProperty("kind").GetString(), upcoming.GetProperty("atText").GetString()));

        // At its first reminder every unit deadline is past: the milestone is the cycle's next deadline, and its mail goes out.
        await AdvanceAsync(ApiHost.Vn(7, 8, 8));
        var detail = await host.GetJsonAsync(host.Operator, cycle);
        Assert.Equal("mốc công việc «Hội nghị tổng kết cấp tỉnh»: trước ngày 15/07/2024", detail.GetProperty("nextDeadlineText").GetString());
        var key = $"{MilestoneCycle}:operators:{Conference}:reminder:7:20240708T0100Z";
        await ApiHost.Eventually(() => host.Sink.Accepted.Any(m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg) == key));
        var mail = host.Sink.Accepted.Single(m => m.CustomArgs.GetValueOrDefault(SendGridMailer.MessageKeyArg) == key);
        Assert.Equal("[DIỄN TẬP] [Nhắc mốc công việc] Hội nghị tổng kết cấp tỉnh – còn 7 ngày", mail.Subject);
        Assert.Equal(["thuongtruc@congan.bacgiang.example"], mail.To);
        var snapshot = Assert.Single((await host.GetJsonAsync(host.Operator, $"{cycle}/consolidations")).EnumerateArray());
        Assert.Equal(($"20240708T010000Z-{Conference}", "Tự động theo mốc «Hội nghị tổng kết cấp tỉnh»"), (snapshot.GetProperty("id").GetString(), snapshot.GetProperty("requestedBy").GetString()));
        Assert.Contains($"(mã 20240708T010000Z-{Conference})", mail.Text, StringComparison.Ordinal);

        await AdvanceAsync(ApiHost.Vn(7, 15, 9));
        var timeline = (await host.GetJsonAsync(host.Operator, $"{cycle}/timeline")).EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "milestone" && e.GetProperty("title").GetString() == "Đến hạn mốc công việc «Hội nghị tổng kết cấp tỉnh»");
        Assert.Equal(3, timeline.Count(e => e.GetProperty("kind").GetString() == "milestone-reminder"));
        Assert.True((await host.GetJsonAsync(host.Operator, cycle)).GetProperty("milestones")[0].GetProperty("reached").GetBoolean());
    }

    private async Task AdvanceAsync(DateTimeOffset to)
    {
        var cycle = $"/api/cycles/{MilestoneCycle}";
        await ApiHost.ReadAsync(await host.Operator.PostAsJsonAsync($"{cycle}/rehearsal/advance", new { to }), HttpStatusCode.Accepted);
        await ApiHost.Eventually(async () => (await host.GetJsonAsync(host.Operator, cycle)).GetProperty("progress") is { ValueKind: JsonValueKind.Object } p
            && p.TryGetProperty("standsAt", out var at) && at.ValueKind == JsonValueKind.String && at.GetDateTimeOffset() == to, seconds: 90);
    }
}
