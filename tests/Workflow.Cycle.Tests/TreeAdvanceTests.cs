using Microsoft.DurableTask;
using Workflow.Domain.Time;
using Workflow.Email;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Cycle.Tests;

/// <summary>
/// A tree's advance fanned out in windows: with a window of one, each sub-cycle is woken only once the one before has
/// acted, the fan-out continues as new between windows, and every sub-cycle ends at the instant with its reminders sent.
/// </summary>
public sealed class TreeAdvanceTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    private const string Top = "bg-cay";
    private const string Report = "bao-cao-tong-ket";

    private static DateTimeOffset Vn(int month, int day, int hour = 0) => new(2024, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task WindowOfOne_WakesEachSubCycleAfterThePreviousActed_AndAllStandAtTheInstant()
    {
        var sample = SamplePlans.Load("bac-giang-2024-chi-thi-07.plan.json");
        var plan = sample with
        {
            Units = [.. sample.Units.Where(u => u.Block == "district-committee").Take(2)],
            Deliverables = [sample.Deliverables.Single(d => d.Id == Report)],
            NominationRounds = [],
            Targets = [],
        };
        var start = Vn(3, 11, 9);
        var reminder = Vn(4, 24, 8);
        string[] subCycles = [$"{Top}.a", $"{Top}.b", $"{Top}.c"];
        await using var host = await HostProcess.StartAsync(fixture);
        var client = fixture.Client;
        foreach (var id in subCycles)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(ReportingCycleOrchestrator), new CycleInput(id, plan, "pv01", new BusinessClock(DateTimeOffset.UtcNow, start, 0)), new StartOrchestrationOptions(id));
            await CycleDriver.StandsAtAsync(client, id, start);
        }

        var fanOut = InstanceIds.TreeAdvance(Top, reminder);
        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(TreeAdvanceOrchestrator),
            new TreeAdvance(Top, reminder.ToUniversalTime(), "kiem-thu", [.. subCycles.Select(id => new SubCycleWake(id, Recorded: false))]) { Window = 1 },
            new StartOrchestrationOptions(fanOut));
        var done = await CycleDriver.WaitForCompletion(client, fanOut, seconds: 180);

        Assert.Equal(3, done.ReadOutputAs<int>());
        // The last execution began after two windows, with one sub-cycle left.
        var last = done.ReadInputAs<TreeAdvance>()!;
        Assert.Equal((2, 1), (last.Woken, last.Pending.Count));
        foreach (var id in subCycles)
        {
            Assert.Equal(reminder.ToUniversalTime(), (await CycleDriver.ProgressAsync(client, id))!.StandsAt);
            Assert.Equal(2, fixture.Sink.Accepted.Count(m => m.CustomArgs[SendGridMailer.MessageKeyArg].StartsWith($"{id}:", StringComparison.Ordinal)
                && m.CustomArgs[SendGridMailer.MessageKeyArg].Contains(":reminder:7:", StringComparison.Ordinal)));
        }
    }
}
