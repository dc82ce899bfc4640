using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask;
using Workflow.Application;
using Workflow.Domain.Plans;
using Workflow.Domain.Time;
using Workflow.Email;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>
/// Operator milestones on the real engine, as a stepped rehearsal: a conference that takes a consolidation snapshot at
/// each of its reminders and a report to the ministry that does not. The operators get one reminder per point, keyed
/// once, citing the snapshot taken at that instant (or the latest one); an operator's own snapshot stands beside them;
/// every snapshot keeps its figures and files under its own folder and the final consolidation is untouched by them.
/// </summary>
public sealed class MilestoneTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string CycleId = "bg-moc";
    private const string Report = "bao-cao-tong-ket";
    private const string Conference = "hoi-nghi-so-ket";
    private const string Ministry = "bao-cao-bo";
    private const string ConferenceTitle = "Hội nghị sơ kết cấp tỉnh";
    private static readonly string[] Operators = ["thuongtruc@congan.bacgiang.example", "pv01@congan.bacgiang.example"];

    private static DateTimeOffset Vn(int month, int day, int hour = 0, int minute = 0) => new(2024, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Milestones_RemindTheOperatorsOncePerPoint_CitingSnapshotsKeptBesideTheFinalConsolidation()
    {
        var sample = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var districts = sample.Units.Where(u => u.Block == "district-committee").Take(3).ToList();
        var plan = sample with
        {
            Units = districts,
            Deliverables = [sample.Deliverables.Single(d => d.Id == Report)],
            NominationRounds = [],
            Targets = [],
            ClosesOn = new DateOnly(2024, 5, 31),
            OperatorEmails = Operators,
            Milestones =
            [
                new Milestone { Id = Conference, Title = ConferenceTitle, Deadline = Deadline.Before(new DateOnly(2024, 5, 15)), Consolidate = true },
                new Milestone { Id = Ministry, Title = "Báo cáo kết quả về Bộ Công an", Deadline = Deadline.By(new DateOnly(2024, 5, 20)) },
            ],
        };
        Assert.Empty(Workflow.Domain.Validation.PlanValidator.Validate(plan));
        var (onTime, late, never) = (districts[0].Id, districts[1].Id, districts[2].Id);
        var start = Vn(3, 11, 9);
        await using var host = await HostProcess.StartAsync(fixture);
        await fixture.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), new CycleInput(CycleId, plan, "pv01", new BusinessClock(DateTimeOffset.UtcNow, start, 0)), new StartOrchestrationOptions(CycleId));
        await CycleDriver.StandsAtAsync(fixture.Client, CycleId, start);
        await Submit(onTime);

        // 08/05 08:00, 7 days before the conference: past the report's deadline, so the next deadline is the milestone.
        await CycleDriver.AdvanceAsync(fixture.Client, CycleId, Vn(5, 8, 8));
        var progress = (await CycleDriver.ProgressAsync(fixture.Client, CycleId))!;
        Assert.Equal(($"mốc công việc «{ConferenceTitle}»: trước ngày 15/05/2024", Vn(5, 15)), (progress.NextDeadlineText, progress.NextDeadline));

        // The operator asks for one more at the same instant, through the host's API: it is kept beside the milestone's.
        using var api = new HttpClient { BaseAddress = host.Address };
        api.DefaultRequestHeaders.Add("X-Api-Key", "khoa-van-hanh-chi-dung-cho-kiem-thu");
        var taken = await api.PostAsJsonAsync($"/api/cycles/{CycleId}/consolidations", new { requestedBy = "Đồng chí Trưởng phòng PV01", note = "Số liệu họp giao ban" });
        Assert.True(taken.StatusCode == HttpStatusCode.Created, await taken.Content.ReadAsStringAsync());
        var mine = JsonDocument.Parse(await taken.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("08/05/2024 08:00", "Đồng chí Trưởng phòng PV01", 1, 2), (mine.GetProperty("atText").GetString(), mine.GetProperty("requestedBy").GetString(),
            mine.GetProperty("onTime").GetInt32(), mine.GetProperty("missing").GetInt32()));

        await CycleDriver.AdvanceAsync(fixture.Client, CycleId, Vn(5, 9, 10));
        await Submit(late);
        foreach (var at in new[] { Vn(5, 12, 8), Vn(5, 14, 8), Vn(5, 18, 8), Vn(5, 20, 8) })
        {
            await CycleDriver.AdvanceAsync(fixture.Client, CycleId, at);
        }

        await fixture.Client.RaiseEventAsync(CycleId, ClockAdvance.EventName, new ClockAdvance(plan.ClosesAt(), "kiem-thu"));
        var closed = await CycleDriver.WaitForCompletion(fixture.Client, CycleId, seconds: 180);

        // One mail per milestone point, to every operator address, never twice; all marked as a rehearsal's.
        var mails = fixture.Sink.Accepted.Where(m => m.CustomArgs[SendGridMailer.MessageKeyArg].StartsWith($"{CycleId}:operators:", StringComparison.Ordinal)).ToList();
        var keys = mails.Select(m => m.CustomArgs[SendGridMailer.MessageKeyArg]).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
        Assert.Equal(
            [
                $"{CycleId}:operators:{Ministry}:reminder:1:20240520T0100Z",
                $"{CycleId}:operators:{Ministry}:reminder:3:20240518T0100Z",
                $"{CycleId}:operators:{Ministry}:reminder:7:20240514T0100Z",
                $"{CycleId}:operators:{Conference}:reminder:1:20240514T0100Z",
                $"{CycleId}:operators:{Conference}:reminder:3:20240512T0100Z",
                $"{CycleId}:operators:{Conference}:reminder:7:20240508T0100Z",
            ],
            keys.Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Equal(Operators.Order(), m.To.Order()));
        var first = mails.Single(m => m.CustomArgs[SendGridMailer.MessageKeyArg].EndsWith(":reminder:7:20240508T0100Z", StringComparison.Ordinal));
        Assert.Equal($"[DIỄN TẬP] [Nhắc mốc công việc] {ConferenceTitle} – còn 7 ngày", first.Subject);
        Assert.Contains($"mốc công việc «{ConferenceTitle}» phải hoàn thành trước ngày 15/05/2024.", first.Text, StringComparison.Ordinal);
        Assert.Contains("- Đã nộp đúng hạn: 1", first.Text, StringComparison.Ordinal);
        Assert.Contains("- Quá hạn, chưa nộp: 2", first.Text, StringComparison.Ordinal);
        var conferenceSnapshot = $"20240508T010000Z-{Conference}";
        Assert.Contains($"(mã {conferenceSnapshot})", first.Text, StringComparison.Ordinal);
        Assert.Contains($"/dashboard/#cycle={CycleId}&snapshot={conferenceSnapshot}", first.Text, StringComparison.Ordinal);

        // The ministry's milestone takes none: its first reminder cites the conference's snapshot of the same instant.
        var ministry = mails.Single(m => m.CustomArgs[SendGridMailer.MessageKeyArg] == $"{CycleId}:operators:{Ministry}:reminder:7:20240514T0100Z");
        Assert.Contains($"(mã 20240514T010000Z-{Conference})", ministry.Text, StringComparison.Ordinal);
        Assert.Contains("phải hoàn thành chậm nhất ngày 20/05/2024.", ministry.Text, StringComparison.Ordinal);
        var last = mails.Single(m => m.CustomArgs[SendGridMailer.MessageKeyArg] == $"{CycleId}:operators:{Ministry}:reminder:1:20240520T0100Z");
        Assert.Contains("- Nộp muộn: 1", last.Text, StringComparison.Ordinal);

        // Every snapshot is kept with its instant, who asked and its own files; the final exports are not among them.
        var snapshots = fixture.Snapshots;
        var kept = await snapshots.ListAsync(CycleId);
        Assert.Equal(
            [(Vn(5, 8, 8), Conference), (Vn(5, 8, 8), (string?)null), (Vn(5, 12, 8), Conference), (Vn(5, 14, 8), Conference)],
            kept.Select(s => (s.At, s.Milestone)));
        Assert.Equal((1, 1, 1, 0), (kept[2].OnTime, kept[2].Late, kept[2].Missing, kept[2].Pending));
        foreach (var snapshot in kept)
        {
            Assert.Contains($"{CycleId}/consolidations/{snapshot.Id}/tong-hop.xlsx", snapshot.Exports);
            Assert.All(snapshot.Exports, e => Assert.StartsWith($"{CycleId}/consolidations/{snapshot.Id}/", e, StringComparison.Ordinal));
            Assert.NotNull(await snapshots.ReadExportAsync(snapshot, "tong-hop.xlsx"));
        }

        var csv = (await snapshots.ReadExportAsync(kept[0], $"{Report}-don-vi.csv"))!.ToString();
        Assert.Contains("Chưa báo cáo", csv, StringComparison.Ordinal);
        var summary = closed.ReadOutputAs<CycleSummary>()!;
        Assert.Contains($"{CycleId}/tong-hop.xlsx", summary.Exports);
        Assert.DoesNotContain(summary.Exports, e => e.Contains("/consolidations/", StringComparison.Ordinal));
        Assert.Equal((1, 1, 1), (summary.OnTime, summary.Late, summary.Missing));

        // The timeline: each snapshot and each operator reminder at its own business instant.
        var events = await fixture.Status.ListCycleEventsAsync(CycleId);
        Assert.Equal(4, events.Count(e => e.Kind == "consolidation-snapshot"));
        Assert.Contains(events, e => e.Kind == "consolidation-snapshot" && e.At == Vn(5, 8, 8) && e.Detail!.Contains("Đồng chí Trưởng phòng PV01", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Kind == "consolidation-snapshot" && e.Detail!.Contains($"Tự động theo mốc «{ConferenceTitle}»", StringComparison.Ordinal));
        var reminders = events.Where(e => e.Kind == "milestone-reminder").ToList();
        Assert.Equal(6, reminders.Count);
        Assert.Contains(reminders, e => e.At == Vn(5, 12, 8) && e.Title == $"Nhắc mốc công việc «{ConferenceTitle}»: còn 3 ngày");
    }

    private async Task Submit(string unit)
    {
        var plan = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var result = await fixture.Submissions.SubmitReportAsync(CycleId, unit, Report,
            new IncomingFile("bao-cao.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 " + unit))),
            Scenario.Statistics(plan, Report, 1));
        Assert.True(result.Accepted, string.Join("; ", result.Problems.Select(p => p.Message)));
    }
}
