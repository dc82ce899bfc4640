using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Workflow.Application;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;
using Workflow.Domain.Scheduling;
using Workflow.Domain.Serialization;
using Workflow.Domain.Time;
using Workflow.Durable;
using Workflow.Email;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>
/// The Bắc Giang sample (seed 000) run end to end on Azurite, SendGrid's client and a fake clock: units submit early,
/// on the last millisecond, late or never; one resubmits; one nomination arrives at 31/03/2024 23:59:59 and one at
/// 01/04/2024 00:00:00; the host is killed mid-cycle and another takes over. Every e-mail, status row and total is
/// checked against what the plan and the scenario imply.
/// </summary>
public sealed class BacGiangCycleTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string CycleId = "bg-2024-ct07";
    private const string Report = "bao-cao-tong-ket";
    private const string DistrictSummary = "tong-ket-cap-huyen";
    private const string Round = "giay-khen-giam-doc";

    private static DateTimeOffset Vn(int month, int day, int hour = 0, int minute = 0, int second = 0, int millisecond = 0) =>
        new(2024, month, day, hour, minute, second, millisecond, TimeSpan.FromHours(7));

    [Fact]
    public async Task BacGiangCycle_RunsToTheEnd_WithExactMailsStatusAndTotals_AcrossAKill()
    {
        var plan = PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;
        var start = Vn(3, 11, 9);
        // FakeTimeProvider keeps the offset it is given and schedules timers on local ticks: feed it UTC only.
        var time = new FakeTimeProvider(start.ToUniversalTime());
        var scenario = Scenario.For(plan);
        var first = await CycleProcess.StartAsync(fixture, time);
        var process = first;
        await process.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReportingCycleOrchestrator), new CycleInput(CycleId, plan, "pv01"), new StartOrchestrationOptions(CycleId));
        await CycleDriver.Eventually(async () => (await process.Client.GetInstanceAsync(CycleId))?.ReadCustomStatusAs<CycleProgress>() is { Expected: > 0 } progress
            && await CycleDriver.AllStartedAsync(process.Client, scenario.FollowUps), () => CycleDriver.Describe(process.Client, CycleId));

        var moments = scenario.Moments(plan, start);
        CycleProcess? second = null;
        foreach (var moment in moments)
        {
            time.SetUtcNow(moment.ToUniversalTime());
            foreach (var submission in scenario.At(moment))
            {
                await SubmitAsync(process, plan, submission);
            }

            await CycleDriver.SettledAsync(process.Client, scenario.FollowUps, moment);
            if (moment == Vn(5, 1, 8))
            {
                // The morning after the report deadline the cycle's status already counts the 14 units that missed it.
                await CycleDriver.Eventually(async () => (await process.Client.GetInstanceAsync(CycleId))!.ReadCustomStatusAs<CycleProgress>() is { OnTime: 29, Late: 0, Missing: 14, Pending: 10 });
            }

            if (second is null && moment == Vn(4, 28, 8))
            {
                // Mid-cycle, with every follow-up waiting on a timer: kill the host and let another take over its leases.
                process.Kill();
                time.Advance(TimeSpan.FromMinutes(1));
                second = await CycleProcess.StartAsync(fixture, time);
                process = second;
                await CycleDriver.SettledAsync(process.Client, scenario.FollowUps, time.GetUtcNow());
            }
        }

        Assert.NotNull(second);
        var round = await process.Client.WaitForInstanceCompletionAsync(InstanceIds.Round(CycleId, Round), getInputsAndOutputs: true);
        var picked = InstanceIds.Round(CycleId, "bang-khen-chu-tich-tinh");
        await CycleDriver.Eventually(async () => (await process.Client.GetInstanceAsync(picked))?.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await process.Client.RaiseEventAsync(picked, ProvincePicks.EventName, new ProvincePicks(["de-nghi-yen-the-01"], "pv01"));
        time.SetUtcNow(Vn(8, 1).ToUniversalTime());
        var cycle = await CycleDriver.WaitForCompletion(process.Client, CycleId);

        // The nomination round: the 23:59:59 dossier was taken (then refused on eligibility), the 00:00:00 one never stored.
        var roundResult = round.ReadOutputAs<RoundResult>()!;
        Assert.Equal((2, 1, 1, 1), (roundResult.Received, roundResult.Accepted, roundResult.Refused, roundResult.LateRejected));
        var nominees = await process.Status.ListNomineesAsync(CycleId, Round);
        Assert.Equal(["de-nghi-tan-yen-01", "de-nghi-yen-the-01"], nominees.Select(n => n.NominationId).Order());
        var refused = nominees.Single(n => n.NominationId == "de-nghi-tan-yen-01");
        Assert.False(refused.Eligible);
        Assert.Contains("3-nam-phong-trao", refused.FailedRules);
        var lateAudit = (await process.Status.ListAuditAsync(CycleId, Round, "bcd-luc-nam")).Single();
        Assert.Equal(UploadOutcome.RejectedLate, lateAudit.Outcome);
        Assert.Equal(0, (await process.Status.GetAsync(new SubmissionKey(CycleId, "bcd-luc-nam", Round)))!.LatestVersion);
        Assert.Empty(await process.Dossiers.ListVersionsAsync(new SubmissionKey(CycleId, "bcd-luc-nam", Round)));

        // The province picked the early collective for its own certificate from the closed lower round.
        var provincial = (await process.Client.GetInstanceAsync(picked, getInputsAndOutputs: true))!.ReadOutputAs<RoundResult>()!;
        Assert.Equal(["de-nghi-yen-the-01"], provincial.AcceptedNominations);

        // Every e-mail, exactly once.
        var recorded = fixture.Sink.Accepted.Select(m => m.CustomArgs[SendGridMailer.MessageKeyArg]).ToList();
        Assert.Equal(recorded.Count, recorded.Distinct().Count());
        var expected = scenario.ExpectedReminderKeys(plan, start).Concat(scenario.ExpectedNotices(plan)).ToHashSet();
        var receipts = recorded.Where(k => k.StartsWith($"{CycleId}:receipt:", StringComparison.Ordinal)).ToList();
        var rejections = recorded.Where(k => k.Contains(":rejected:", StringComparison.Ordinal)).ToList();
        Assert.Equal(scenario.AcceptedFiles, receipts.Count);
        Assert.Equal([$"{CycleId}:bcd-luc-nam:{Round}"], rejections.Select(k => k[..k.IndexOf(":rejected:", StringComparison.Ordinal)]));
        Assert.Equal(expected.Order(), recorded.Except(receipts).Except(rejections).Order());
        var escalation = fixture.Sink.Accepted.Single(m => m.CustomArgs[SendGridMailer.MessageKeyArg] == $"{CycleId}:bcd-viet-yen:{Report}:{Report}:chase:3:20240505T0100Z:escalation");
        Assert.Contains("Báo cáo thành viên Ban Chỉ đạo", escalation.Subject, StringComparison.Ordinal);

        // Every status row of the report.
        var rows = (await process.Status.ListAsync(CycleId, Report)).ToDictionary(r => r.UnitId);
        foreach (var (unit, submission) in scenario.Reports)
        {
            var row = rows[unit];
            var reminders = expected.Count(k => k.StartsWith($"{CycleId}:{unit}:{Report}:", StringComparison.Ordinal) && !k.EndsWith(":escalation", StringComparison.Ordinal));
            Assert.Equal(
                (submission is null ? SubmissionState.Pending : SubmissionState.Submitted, submission?.Late ?? false, submission?.Version, reminders),
                (row.State, row.Late, row.CountedVersion, row.RemindersSent));
        }

        // The consolidation: counts in the summary, sums in the exported totals.
        var summary = cycle.ReadOutputAs<CycleSummary>()!;
        Assert.Equal((29 + 8, 5, 9 + 2), (summary.OnTime, summary.Late, summary.Missing));
        var totals = Encoding.UTF8.GetString((await process.Consolidation.ReadExportAsync($"{CycleId}/{Report}-tong-hop.csv"))!.ToArray());
        var field = plan.Deliverables[0].Forms[0].Fields.First(f => f.Type == FieldType.Integer);
        var line = totals.Split("\r\n").Single(l => l.Contains($",{field.Id},", StringComparison.Ordinal));
        Assert.Equal(scenario.ExpectedTotal(Report).ToString(System.Globalization.CultureInfo.InvariantCulture), line.Split(',')[^1]);
        Assert.Contains($"{CycleId}/tong-hop.xlsx", summary.Exports);
        var awards = Encoding.UTF8.GetString((await process.Consolidation.ReadExportAsync($"{CycleId}/khen-thuong-bang-khen-chu-tich-tinh.csv"))!.ToArray());
        Assert.Contains("de-nghi-yen-the-01,Công an huyện Yên Thế,Tập thể", awards, StringComparison.Ordinal);

        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    private static async Task SubmitAsync(CycleProcess process, Plan plan, Submission submission)
    {
        var result = submission.Nomination is { } nomination
            ? await process.Submissions.SubmitNominationAsync(CycleId, submission.Unit, Round, nomination, Scenario.Dossier(nomination))
            : await process.Submissions.SubmitReportAsync(CycleId, submission.Unit, submission.Subject,
                new IncomingFile("Báo cáo tổng kết.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes($"%PDF-1.7 {submission.Unit} v{submission.Version}"))),
                Scenario.Statistics(plan, submission.Subject, submission.Seed));
        Assert.True(result.Accepted == submission.Accepted, $"{submission.Unit} {submission.Subject}: {string.Join("; ", result.Problems.Select(p => p.Message).Concat(result.Files.SelectMany(f => f.Errors)))}");
        if (result.Accepted && submission.Version == 1)
        {
            // The follow-up ends on the first submission.
            await CycleDriver.WaitForCompletion(process.Client, InstanceIds.FollowUp(CycleId, submission.Subject, submission.Unit));
        }
    }
}
