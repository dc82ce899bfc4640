using Microsoft.DurableTask;
using Workflow.Domain.Time;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Programme;

namespace Workflow.Cycle.Tests;

/// <summary>The 2020–2025 programme (seed 002) as one long-lived orchestration that opens each period's cycle on its date.</summary>
public sealed class ProgrammeTests(CycleFixture fixture) : IClassFixture<CycleFixture>
{
    [Fact]
    public async Task Programme_StartsEachPeriodOnItsDate_AndContinuesAsNewSoItsHistoryStaysSmall()
    {
        var sample = SamplePlans.Load("bac-giang-2020-2025-de-an.plan.json");
        // One unit per block keeps the period cycles small; the programme's own logic does not depend on their size.
        var plan = sample with { Units = [.. sample.Units.GroupBy(u => u.Block).Select(g => g.First())] };
        const string programme = "de-an-2020-2025";
        // A sliding rehearsal: six years of programme in under a minute. Its period cycles inherit the clock and, at this
        // speed, withhold the mails that would arrive untrue; the programme's own dates are what this test is about.
        var origin = new DateTimeOffset(2020, 7, 21, 2, 0, 0, TimeSpan.Zero);
        var clock = new BusinessClock(DateTimeOffset.UtcNow.AddSeconds(5), origin, 5_000_000);
        await using var host = await HostProcess.StartAsync(fixture);
        var process = fixture;
        var id = InstanceIds.Programme(programme);
        await process.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ProgrammeOrchestrator), new ProgrammeInput(programme, plan, "pv01", -1, [], clock), new StartOrchestrationOptions(id));

        var implementation = InstanceIds.PeriodCycle(programme, "trien-khai");
        await CycleDriver.Eventually(async () => await process.Client.GetInstanceAsync(implementation) is not null);
        foreach (var period in plan.Periods.OrderBy(p => p.OpensOn))
        {
            var cycle = InstanceIds.PeriodCycle(programme, period.Id);
            var opensAt = new DateTimeOffset(period.OpensOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
            await CycleDriver.Eventually(async () => await process.Client.GetInstanceAsync(cycle) is not null, seconds: 120);
            // Never before its date: the period's cycle was created once business time had reached the opening day.
            var created = (await process.Client.GetInstanceAsync(cycle))!.CreatedAt;
            Assert.True(clock.ToBusiness(created) >= opensAt, $"{period.Id} opened at {clock.ToBusiness(created):O}, before {opensAt:O}.");
            var history = await CycleDriver.HistoryLengthAsync(process.Engine, fixture, id);
            // One period per execution: a wait (re-armed when a timer fires early) and a start; never the periods before.
            Assert.True(history <= 40, $"The programme's history grew to {history} events.");
        }

        var done = await CycleDriver.WaitForCompletion(process.Client, id, seconds: 180);
        var result = done.ReadOutputAs<ProgrammeResult>()!;
        Assert.Equal([implementation, .. plan.Periods.OrderBy(p => p.OpensOn).Select(p => InstanceIds.PeriodCycle(programme, p.Id))], result.StartedCycles);
        var yearly = await process.Client.GetInstanceAsync(InstanceIds.PeriodCycle(programme, "bao-cao-nam-2021"), getInputsAndOutputs: true);
        var input = yearly!.ReadInputAs<CycleInput>()!;
        Assert.Equal(clock, input.Clock);
        Assert.Equal(["bao-cao-nam-2021"], input.Plan.Deliverables.Select(d => d.Id));
        Assert.Equal(plan.Periods.Single(p => p.Id == "bao-cao-nam-2021").DataPeriod, input.Plan.DataPeriod);
        Assert.Empty(input.Plan.Periods);
    }
}
