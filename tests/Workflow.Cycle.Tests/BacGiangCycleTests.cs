using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflow.Application;
using Workflow.Domain.Consolidation;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Domain.Time;
using Workflow.Email;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>
/// The Bắc Giang sample (seed 000, 247 units) end to end on the real engine (DTFx over Azure Storage on Azurite, in
/// host processes), SendGrid's client and a stepped rehearsal clock: units submit early, on the last millisecond, late
/// or never; one resubmits; one nomination arrives at 31/03/2024 23:59:59 and one at 01/04/2024 00:00:00. The cycle
/// runs twice: once undisturbed, once with its host killed by SIGKILL in the middle of the cycle and a fresh process
/// finishing it. Every e-mail, status row and total is checked against the scenario, and the two runs must
/// agree exactly.
/// </summary>
public sealed class BacGiangCycleTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string Report = "bao-cao-tong-ket";
    private const string Round = "giay-khen-giam-doc";
    private const string Picked = "bang-khen-chu-tich-tinh";

    private static DateTimeOffset Vn(int month, int day, int hour = 0, int minute = 0, int second = 0, int millisecond = 0) =>
        new(2024, month, day, hour, minute, second, millisecond, TimeSpan.FromHours(7));

    [Fact]
    public async Task BacGiangCycle_RunsToTheEnd_WithExactMailsStatusAndTotals_AndASigkillChangesNothing()
    {
        var undisturbed = await RunAsync("bg-2024-ct07", kill: false);
        var killed = await RunAsync("bg-2024-ct07-kill", kill: true);

        Assert.Equal(undisturbed.MailKeys, killed.MailKeys);
        Assert.Equal(undisturbed.Exports.Keys.Order(), killed.Exports.Keys.Order());
        foreach (var (name, content) in undisturbed.Exports)
        {
            Assert.Equal(content, killed.Exports[name]);
        }

        Assert.Equal(undisturbed.Rows, killed.Rows);
    }

    private async Task<RunResult> RunAsync(string cycleId, bool kill)
    {
        var client = fixture.Client;
        var plan = PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;
        Assert.Equal(247, plan.Units.Count);
        var start = Vn(3, 11, 9);
        var scenario = Scenario.For(plan, cycleId);
        var host = await HostProcess.StartAsync(fixture);
        var hosts = new List<HostProcess> { host };
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(ReportingCycleOrchestrator), new CycleInput(cycleId, plan, "pv01", new BusinessClock(DateTimeOffset.UtcNow, start, 0)), new StartOrchestrationOptions(cycleId));
            await CycleDriver.StandsAtAsync(client, cycleId, start);

            foreach (var moment in scenario.Moments(plan, start))
            {
                if (kill && moment == Vn(4, 28, 8))
                {
                    // Mid-cycle, between waves: the host dies holding the task hub's leases, and a fresh process must
                    // take it over and run the rest. (A kill inside a wave can leave keys claimed but unconfirmed:
                    // those are not resent automatically, see SendGridMailer; that case is not what this compares.)
                    await CycleDriver.AdvanceAsync(client, cycleId, moment);
                    host.Kill();
                    host = await HostProcess.StartAsync(fixture);
                    hosts.Add(host);
                }
                else
                {
                    await CycleDriver.AdvanceAsync(client, cycleId, moment);
                }

                foreach (var submission in scenario.At(moment))
                {
                    await SubmitAsync(cycleId, plan, submission);
                }

                if (moment == Vn(5, 1, 8))
                {
                    // The morning after the report deadline the cycle's status already counts the 14 units that missed it.
                    Assert.Equal((29, 0, 14, 10), (await CycleDriver.ProgressAsync(client, cycleId)) is { } p ? (p.OnTime, p.Late, p.Missing, p.Pending) : default);
                }
            }

            Assert.Equal(kill ? 2 : 1, hosts.Count);
            var round = await client.WaitForInstanceCompletionAsync(InstanceIds.Round(cycleId, Round), getInputsAndOutputs: true);
            var picked = InstanceIds.Round(cycleId, Picked);
            await CycleDriver.Eventually(async () => (await client.GetInstanceAsync(picked))?.RuntimeStatus == OrchestrationRuntimeStatus.Running);
            await client.RaiseEventAsync(picked, ProvincePicks.EventName, new ProvincePicks(["de-nghi-yen-the-01"], "pv01"));
            await CycleDriver.WaitForCompletion(client, picked);
            await client.RaiseEventAsync(cycleId, ClockAdvance.EventName, new ClockAdvance(plan.ClosesAt().ToUniversalTime(), "kiem-thu"));
            var cycle = await CycleDriver.WaitForCompletion(client, cycleId);
            return await CheckAsync(cycleId, plan, scenario, start, round, cycle);
        }
        finally
        {
            foreach (var process in hosts)
            {
                await process.DisposeAsync();
            }
        }
    }

    private async Task<RunResult> CheckAsync(string cycleId, Plan plan, Scenario scenario, DateTimeOffset start, OrchestrationMetadata round, OrchestrationMetadata cycle)
    {
        var status = fixture.Status;

        // The nomination round: the 23:59:59 dossier was taken (then refused on eligibility), the 00:00:00 one never stored.
        // The round is judged at 00:00:00, racing that attempt; the cycle's summary counts it from the audit.
        var roundResult = round.ReadOutputAs<RoundResult>()!;
        Assert.Equal((2, 1, 1), (roundResult.Received, roundResult.Accepted, roundResult.Refused));
        var closed = cycle.ReadOutputAs<CycleSummary>()!.Rounds.Single(r => r.RoundId == Round);
        Assert.Equal((2, 1, 1, 1), (closed.Received, closed.Accepted, closed.Refused, closed.LateRejected));
        var nominees = await status.ListNomineesAsync(cycleId, Round);
        Assert.Equal(["de-nghi-tan-yen-01", "de-nghi-yen-the-01"], nominees.Select(n => n.NominationId).Order());
        var refused = nominees.Single(n => n.NominationId == "de-nghi-tan-yen-01");
        Assert.False(refused.Eligible);
        Assert.Contains("3-nam-phong-trao", refused.FailedRules);
        var lateAudit = (await status.ListAuditAsync(cycleId, Round, "bcd-luc-nam")).Single();
        Assert.Equal(UploadOutcome.RejectedLate, lateAudit.Outcome);
        Assert.Equal(0, (await status.GetAsync(new SubmissionKey(cycleId, "bcd-luc-nam", Round)))!.LatestVersion);
        Assert.Empty(await fixture.Dossiers.ListVersionsAsync(new SubmissionKey(cycleId, "bcd-luc-nam", Round)));

        // The province picked the early collective for its own certificate from the closed lower round.
        var provincial = (await fixture.Client.GetInstanceAsync(InstanceIds.Round(cycleId, Picked), getInputsAndOutputs: true))!.ReadOutputAs<RoundResult>()!;
        Assert.Equal(["de-nghi-yen-the-01"], provincial.AcceptedNominations);

        // The headline, the same in the summary and the closed cycle's status: two dossiers taken in (the pick is not a
        // new one), one accepted, two rejected (one by the checks, one at the deadline, however the judging raced it),
        // and the province's pick on its own.
        var headline = new NominationCounts(Received: 2, Accepted: 1, Rejected: 2, LateRejected: 1, Picked: 1, PickedAccepted: 1);
        Assert.Equal(headline, cycle.ReadOutputAs<CycleSummary>()!.Nominations);
        Assert.Equal(headline, cycle.ReadCustomStatusAs<CycleProgress>()!.Nominations);

        // Every e-mail, exactly once, however many reminder waves ran twice after the kill.
        var mails = fixture.Sink.Accepted.Where(m => m.CustomArgs[SendGridMailer.MessageKeyArg].StartsWith(cycleId + ":", StringComparison.Ordinal)).ToList();
        var recorded = mails.Select(m => m.CustomArgs[SendGridMailer.MessageKeyArg]).ToList();
        Assert.Equal(recorded.Count, recorded.Distinct().Count());
        var expected = scenario.ExpectedReminderKeys(plan, start).Concat(scenario.ExpectedNotices(plan)).Concat(scenario.ExpectedMilestoneKeys(plan, start)).ToHashSet();
        var receipts = recorded.Where(k => k.StartsWith($"{cycleId}:receipt:", StringComparison.Ordinal)).ToList();
        var rejections = recorded.Where(k => k.Contains(":rejected:", StringComparison.Ordinal)).ToList();
        Assert.Equal(scenario.AcceptedFiles, receipts.Count);
        Assert.Equal([$"{cycleId}:bcd-luc-nam:{Round}"], rejections.Select(k => k[..k.IndexOf(":rejected:", StringComparison.Ordinal)]));
        // The late dossier was refused whole: its mail names every file, in order.
        var refusal = mails.Single(m => m.CustomArgs[SendGridMailer.MessageKeyArg] == rejections[0]).Text!.Split('\n');
        var listed = Array.FindIndex(refusal, l => l.StartsWith("Hệ thống không tiếp nhận hồ sơ gồm 6 tệp", StringComparison.Ordinal));
        Assert.True(listed >= 0, string.Join('\n', refusal));
        Assert.Equal(Scenario.Dossier(Scenario.PoliceCollective()).Take(6).Select((f, i) => $"{i + 1}. «{f.File.FileName}»"), refusal[(listed + 1)..(listed + 7)]);
        // Each judged round mails every proposer its verdicts once: the two districts judged in the Director's round, and
        // the district whose nominee the province picked.
        var verdicts = recorded.Where(k => k.EndsWith(":verdict", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [MessageKeys.Verdict(cycleId, "bcd-tan-yen", Round), MessageKeys.Verdict(cycleId, "bcd-yen-the", Picked), MessageKeys.Verdict(cycleId, "bcd-yen-the", Round)],
            verdicts.Order(StringComparer.Ordinal));
        Assert.Contains("không đạt", mails.Single(m => m.CustomArgs[SendGridMailer.MessageKeyArg] == MessageKeys.Verdict(cycleId, "bcd-tan-yen", Round)).Text, StringComparison.Ordinal);
        Assert.Equal(expected.Order(), recorded.Except(receipts).Except(rejections).Except(verdicts).Order());
        var escalation = mails.Single(m => m.CustomArgs[SendGridMailer.MessageKeyArg] == $"{cycleId}:bcd-viet-yen:{Report}:{Report}:chase:3:20240505T0100Z:escalation");
        Assert.Contains("Báo cáo thành viên Ban Chỉ đạo", escalation.Subject, StringComparison.Ordinal);
        // Each unit kept its own link and name through the batch's substitutions; every mail says it is a rehearsal.
        Assert.All(mails, m => Assert.DoesNotContain("%unit", m.Text ?? "", StringComparison.Ordinal));
        Assert.All(mails, m => Assert.StartsWith("[DIỄN TẬP]", m.Subject, StringComparison.Ordinal));

        // Every status row of the report.
        var rows = (await status.ListAsync(cycleId, Report)).ToDictionary(r => r.UnitId);
        foreach (var (unit, submission) in scenario.Reports)
        {
            var row = rows[unit];
            var reminders = expected.Count(k => k.StartsWith($"{cycleId}:{unit}:{Report}:", StringComparison.Ordinal) && !k.EndsWith(":escalation", StringComparison.Ordinal));
            Assert.Equal(
                (submission is null ? SubmissionState.Pending : SubmissionState.Submitted, submission?.Late ?? false, submission?.Version, reminders),
                (row.State, row.Late, row.CountedVersion, row.RemindersSent));
        }

        // The consolidation: counts in the summary, sums in the exported totals.
        var summary = cycle.ReadOutputAs<CycleSummary>()!;
        Assert.Equal((29 + 8, 5, 9 + 2), (summary.OnTime, summary.Late, summary.Missing));
        var exports = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in summary.Exports.Where(n => n.EndsWith(".csv", StringComparison.Ordinal)))
        {
            exports[name[(cycleId.Length + 1)..]] = Encoding.UTF8.GetString((await fixture.Consolidation.ReadExportAsync(name))!.ToArray()).Replace(cycleId, "{cycle}", StringComparison.Ordinal);
        }

        var field = plan.Deliverables[0].Forms[0].Fields.First(f => f.Type == FieldType.Integer);
        var line = exports[$"{Report}-tong-hop.csv"].Split("\r\n").Single(l => l.Contains($",{field.Id},", StringComparison.Ordinal));
        Assert.Equal(scenario.ExpectedTotal(Report).ToString(System.Globalization.CultureInfo.InvariantCulture), line.Split(',')[^1]);
        Assert.Contains($"{cycleId}/tong-hop.xlsx", summary.Exports);
        Assert.Contains("de-nghi-yen-the-01,Công an huyện Yên Thế,Tập thể", exports[$"khen-thuong-{Picked}.csv"], StringComparison.Ordinal);

        return new RunResult(
            [.. recorded.Except(receipts).Except(rejections).Select(k => k[(cycleId.Length + 1)..]).Order(StringComparer.Ordinal)],
            exports,
            [.. rows.Values.OrderBy(r => r.UnitId, StringComparer.Ordinal).Select(r => $"{r.UnitId} {r.State} {r.Late} {r.CountedVersion} {r.RemindersSent}")]);
    }

    private async Task SubmitAsync(string cycleId, Plan plan, Submission submission)
    {
        var submissions = fixture.Submissions;
        var result = submission.Nomination is { } nomination
            ? await submissions.SubmitNominationAsync(cycleId, submission.Unit, Round, nomination, Scenario.Dossier(nomination))
            : await submissions.SubmitReportAsync(cycleId, submission.Unit, submission.Subject,
                new IncomingFile("Báo cáo tổng kết.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes($"%PDF-1.7 {submission.Unit} v{submission.Version}"))),
                Scenario.Statistics(plan, submission.Subject, submission.Seed));
        Assert.True(result.Accepted == submission.Accepted, $"{submission.Unit} {submission.Subject}: {string.Join("; ", result.Problems.Select(p => p.Message).Concat(result.Files.SelectMany(f => f.Errors)))}");
    }

    private sealed record RunResult(IReadOnlyList<string> MailKeys, IReadOnlyDictionary<string, string> Exports, IReadOnlyList<string> Rows);
}
