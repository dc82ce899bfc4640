using System.Text;
using Microsoft.DurableTask;
using Workflow.Application;
using Workflow.Domain.Plans;
using Workflow.Domain.Time;
using Workflow.Email;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Cycle.Tests;

/// <summary>
/// What a cycle asks of the engine, read from its history. A cycle of one batch (a commune's in a national tree) sends
/// its notices while recording its plan, and counts itself in its step's one mail batch; a larger cycle keeps its notice
/// batches and its tally as activities of their own. Both send every mail and count the same way.
/// </summary>
public sealed class CycleActivityCountTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string Report = "bao-cao-tong-ket";

    private static DateTimeOffset Vn(int month, int day, int hour = 0, int minute = 0) => new(2024, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task SmallCycle_SendsNoticesWithItsPlan_AndCountsItselfInItsStepBatch_LargeCycleKeepsItsOwnActivities()
    {
        var sample = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var district = sample.Units.First(u => u.Block == "district-committee");
        var small = sample with
        {
            Units = [.. sample.Units.Where(u => u.Block == "district-committee").Take(3)],
            Deliverables = [sample.Deliverables.Single(d => d.Id == Report)],
            NominationRounds = [],
            Targets = [],
        };
        // One unit more than a batch: two notice batches and two reminder batches.
        var large = small with
        {
            Units = [.. Enumerable.Range(1, ReportingCycleOrchestrator.BatchSize + 1).Select(i => district with
            {
                Id = $"don-vi-{i:D3}",
                Name = $"Ban Chỉ đạo thử nghiệm số {i}",
                Emails = [$"don-vi-{i:D3}@thu-nghiem.example"],
            })],
        };
        var start = Vn(3, 11, 9);
        var reminder = Vn(4, 24, 8);
        await using var host = await HostProcess.StartAsync(fixture);
        var client = fixture.Client;
        foreach (var (id, plan) in new[] { ("bg-nho", small), ("bg-lon", large) })
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(ReportingCycleOrchestrator), new CycleInput(id, plan, "pv01", new BusinessClock(DateTimeOffset.UtcNow, start, 0)), new StartOrchestrationOptions(id));
        }

        await CycleDriver.StandsAtAsync(client, "bg-nho", start);
        await CycleDriver.StandsAtAsync(client, "bg-lon", start);
        Assert.Equal(3, Keys("bg-nho", ":plan:notice").Count);
        Assert.Equal(ReportingCycleOrchestrator.BatchSize + 1, Keys("bg-lon", ":plan:notice").Count);
        Assert.Equal(["RecordPlan"], await CycleDriver.ScheduledActivitiesAsync(fixture, "bg-nho"));
        Assert.Equal(["RecordPlan", "SendPlanNotices", "SendPlanNotices"], await CycleDriver.ScheduledActivitiesAsync(fixture, "bg-lon"));

        // Handed in after the plan was recorded: only a count at the step can know it.
        await Submit("bg-nho", small.Units[0].Id);
        await Submit("bg-lon", large.Units[0].Id);
        await CycleDriver.AdvanceAsync(client, "bg-nho", reminder);
        await CycleDriver.AdvanceAsync(client, "bg-lon", reminder);

        Assert.Equal(2, Keys("bg-nho", ":reminder:7:").Count);
        Assert.Equal(ReportingCycleOrchestrator.BatchSize, Keys("bg-lon", ":reminder:7:").Count);
        var smallProgress = (await CycleDriver.ProgressAsync(client, "bg-nho"))!;
        var largeProgress = (await CycleDriver.ProgressAsync(client, "bg-lon"))!;
        Assert.Equal((3, 1, 2, 2), (smallProgress.Expected, smallProgress.OnTime, smallProgress.Pending, smallProgress.RemindersSent));
        Assert.Equal((ReportingCycleOrchestrator.BatchSize + 1, 1, ReportingCycleOrchestrator.BatchSize, ReportingCycleOrchestrator.BatchSize),
            (largeProgress.Expected, largeProgress.OnTime, largeProgress.Pending, largeProgress.RemindersSent));
        // The stand is recorded by the cycle itself: this advance came straight to it, not through a tree's fan-out.
        Assert.Equal(["RecordPlan", "SendPointMails", "SetClock"], await CycleDriver.ScheduledActivitiesAsync(fixture, "bg-nho"));
        Assert.Equal(
            ["RecordPlan", "SendPlanNotices", "SendPlanNotices", "SendPointMails", "SendPointMails", "TallyReports", "SetClock"],
            await CycleDriver.ScheduledActivitiesAsync(fixture, "bg-lon"));
    }

    private List<string> Keys(string cycleId, string part) =>
        [.. fixture.Sink.Accepted.Select(m => m.CustomArgs[SendGridMailer.MessageKeyArg])
            .Where(k => k.StartsWith(cycleId + ":", StringComparison.Ordinal) && k.Contains(part, StringComparison.Ordinal))];

    private async Task Submit(string cycleId, string unit)
    {
        var plan = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var result = await fixture.Submissions.SubmitReportAsync(cycleId, unit, Report,
            new IncomingFile("bao-cao.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 " + unit))),
            Scenario.Statistics(plan, Report, 1));
        Assert.True(result.Accepted, string.Join("; ", result.Problems.Select(p => p.Message)));
    }
}
