using System.Text;
using Workflow.Application;
using Workflow.Domain.Plans;
using Microsoft.DurableTask;
using Workflow.Domain.Time;
using Workflow.Email;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>Gia hạn: an operator moves one unit's deadline mid-cycle; its deadline group, reminders and the upload boundary follow.</summary>
public sealed class DeadlineExtensionTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string CycleId = "bg-gia-han";
    private const string Report = "bao-cao-tong-ket";

    private static DateTimeOffset Vn(int month, int day, int hour = 0, int minute = 0) => new(2024, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task ExtensionForOneUnit_MovesItsRemindersAndBoundary_OthersKeepTheirs()
    {
        var sample = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var districts = sample.Units.Where(u => u.Block == "district-committee").Take(3).ToList();
        var plan = sample with
        {
            Units = districts,
            Deliverables = [sample.Deliverables.Single(d => d.Id == Report)],
            NominationRounds = [],
            Targets = [],
        };
        var (extended, late, never) = (districts[0].Id, districts[1].Id, districts[2].Id);
        var start = Vn(3, 11, 9);
        await using var host = await HostProcess.StartAsync(fixture);
        var process = fixture;
        await process.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), new CycleInput(CycleId, plan, "pv01", new BusinessClock(DateTimeOffset.UtcNow, start, 0)), new StartOrchestrationOptions(CycleId));
        await CycleDriver.StandsAtAsync(process.Client, CycleId, start);

        await CycleDriver.AdvanceAsync(process.Client, CycleId, Vn(4, 24, 8));
        await CycleDriver.AdvanceAsync(process.Client, CycleId, Vn(4, 25, 9));
        var extension = new DeadlineExtension(Report, Deadline.Before(new DateOnly(2024, 5, 10)), [extended], "Đồng chí Trưởng phòng PV01", "Đơn vị bị ảnh hưởng bởi mưa lũ");
        await process.Client.RaiseEventAsync(CycleId, DeadlineExtension.EventName, extension);
        await CycleDriver.Eventually(async () => (await process.Status.GetAsync(new SubmissionKey(CycleId, extended, Report)))!.Deadline.Date == new DateOnly(2024, 5, 10)
            && (await CycleDriver.ProgressAsync(process.Client, CycleId))?.Extensions == 1);

        foreach (var at in new[] { Vn(4, 28, 8), Vn(4, 30, 8), Vn(5, 1, 8), Vn(5, 2, 10), Vn(5, 3, 8), Vn(5, 5, 8), Vn(5, 7, 8), Vn(5, 9, 8), Vn(5, 9, 10) })
        {
            await CycleDriver.AdvanceAsync(process.Client, CycleId, at);
            if (at == Vn(5, 2, 10))
            {
                await Submit(process, late);
            }
            else if (at == Vn(5, 9, 10))
            {
                // After the original deadline, before the extended one: on time for this unit only.
                await Submit(process, extended);
            }
        }

        var rows = (await process.Status.ListAsync(CycleId, Report)).ToDictionary(r => r.UnitId);
        Assert.Equal((SubmissionState.Submitted, false, 4), (rows[extended].State, rows[extended].Late, rows[extended].RemindersSent));
        Assert.Equal((SubmissionState.Submitted, true, 4), (rows[late].State, rows[late].Late, rows[late].RemindersSent));
        Assert.Equal((SubmissionState.Pending, 6), (rows[never].State, rows[never].RemindersSent));

        var keys = fixture.Sink.Accepted.Select(m => m.CustomArgs[SendGridMailer.MessageKeyArg]).Where(k => k.StartsWith(CycleId + ":", StringComparison.Ordinal)).ToList();
        // The unit that got an extension: the old 7-day reminder before it, then the new deadline's 7, 3 and 1-day reminders.
        Assert.Equal(
            [
                $"{CycleId}:{extended}:{Report}:{Report}:reminder:1:20240509T0100Z",
                $"{CycleId}:{extended}:{Report}:{Report}:reminder:3:20240507T0100Z",
                $"{CycleId}:{extended}:{Report}:{Report}:reminder:7:20240424T0100Z",
                $"{CycleId}:{extended}:{Report}:{Report}:reminder:7:20240503T0100Z",
            ],
            keys.Where(k => k.StartsWith($"{CycleId}:{extended}:{Report}:", StringComparison.Ordinal)).Order());
        Assert.Contains($"{CycleId}:{never}:{Report}:{Report}:chase:3:20240505T0100Z:escalation", keys);

        // Who asked and why stays in the cycle's own history, which the timeline shows.
        var recorded = Assert.Single(await process.Status.ListCycleEventsAsync(CycleId), e => e.Kind == "extension");
        Assert.Contains(extension.RequestedBy, recorded.Detail, StringComparison.Ordinal);
        Assert.Contains(extension.Reason, recorded.Detail, StringComparison.Ordinal);
        Assert.Equal(Vn(4, 25, 9), recorded.At);
    }

    private static async Task Submit(CycleFixture process, string unit)
    {
        var plan = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var result = await process.Submissions.SubmitReportAsync(CycleId, unit, Report,
            new IncomingFile("bao-cao.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 " + unit))),
            Scenario.Statistics(plan, Report, 1));
        Assert.True(result.Accepted, string.Join("; ", result.Problems.Select(p => p.Message)));
    }
}
