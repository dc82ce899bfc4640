using Microsoft.Extensions.Time.Testing;
using Workflow.Durable;
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
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 7, 21, 2, 0, 0, TimeSpan.Zero));
        await using var process = await CycleProcess.StartAsync(fixture, time);
        var id = InstanceIds.Programme(programme);
        await process.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ProgrammeOrchestrator), new ProgrammeInput(programme, plan, "pv01", -1, []), new StartOrchestrationOptions(id));

        var implementation = InstanceIds.PeriodCycle(programme, "trien-khai");
        await CycleDriver.Eventually(async () => await process.Client.GetInstanceAsync(implementation) is not null);
        foreach (var period in plan.Periods.OrderBy(p => p.OpensOn))
        {
            var cycle = InstanceIds.PeriodCycle(programme, period.Id);
            var opensAt = new DateTimeOffset(period.OpensOn.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
            time.SetUtcNow(opensAt.AddMinutes(-1).ToUniversalTime());
            await Task.Delay(200);
            Assert.Null(await process.Client.GetInstanceAsync(cycle));

            time.SetUtcNow(opensAt.ToUniversalTime());
            await CycleDriver.Eventually(async () => await process.Client.GetInstanceAsync(cycle) is not null);
            var history = await process.Client.GetHistoryAsync(id);
            Assert.True(history.Count <= 12, $"The programme's history grew to {history.Count} events.");
        }

        var done = await CycleDriver.WaitForCompletion(process.Client, id);
        var result = done.ReadOutputAs<ProgrammeResult>()!;
        Assert.Equal([implementation, .. plan.Periods.OrderBy(p => p.OpensOn).Select(p => InstanceIds.PeriodCycle(programme, p.Id))], result.StartedCycles);
        var yearly = await process.Client.GetInstanceAsync(InstanceIds.PeriodCycle(programme, "bao-cao-nam-2021"), getInputsAndOutputs: true);
        var input = yearly!.ReadInputAs<CycleInput>()!;
        Assert.Equal(["bao-cao-nam-2021"], input.Plan.Deliverables.Select(d => d.Id));
        Assert.Equal(plan.Periods.Single(p => p.Id == "bao-cao-nam-2021").DataPeriod, input.Plan.DataPeriod);
        Assert.Empty(input.Plan.Periods);
    }
}
