using Workflow.Orchestrations.Contracts;

namespace Workflow.Benchmarks.PerUnit;

/// <summary>
/// A benchmark-only replica of the old design, kept small: record the plan with the product's own activity, then one
/// sub-orchestration per unit that follows the unit through every schedule point. Same input as the product's
/// <c>ReportingCycleOrchestrator</c>; returns the mails sent. On a stepped clock every step the operator takes is sent
/// on to each unit's sub-orchestration, as the old design sent each upload into its unit's.
/// </summary>
internal sealed class PerUnitCycleOrchestrator : TaskOrchestrator<CycleInput, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, CycleInput input)
    {
        await context.CallActivityAsync<PlanRecorded>(nameof(Workflow.Orchestrations.ICycleActivities.RecordPlan), input);
        var points = CycleSchedule.Steps(input.Plan, []).SelectMany(s => s.Points).Select(p => p.Point).ToList();
        var children = input.Plan.Units.Select(unit => InstanceId(input.CycleId, unit.Id)).ToList();
        var units = Task.WhenAll(input.Plan.Units.Select(unit => context.CallSubOrchestratorAsync<int>(
            nameof(UnitFollowUpOrchestrator),
            new UnitFollowUp(input.CycleId, unit.Id, input.BusinessClock, [.. points]),
            new SubOrchestrationOptions { InstanceId = InstanceId(input.CycleId, unit.Id) })));

        // Bounded by the close: every step moves the clock forward, and the units end at the last point.
        while (input.BusinessClock.IsManual && !units.IsCompleted)
        {
            var advance = context.WaitForExternalEvent<ClockAdvance>(ClockAdvance.EventName);
            if (await Task.WhenAny(units, advance) == advance)
            {
                foreach (var child in children)
                {
                    context.SendEvent(child, ClockAdvance.EventName, await advance);
                }
            }
        }

        var sent = await units;
        return sent.Sum();
    }

    private static string InstanceId(string cycleId, string unitId) => $"{cycleId}:unit:{unitId}";
}
