using Workflow.Orchestrations.Contracts;

namespace Workflow.Benchmarks.PerUnit;

/// <summary>
/// A benchmark-only replica of the old design, kept small: record the plan with the product's own activity, then one
/// sub-orchestration per unit that follows the unit through every schedule point. Same input as the product's
/// <c>ReportingCycleOrchestrator</c>; returns the mails sent.
/// </summary>
internal sealed class PerUnitCycleOrchestrator : TaskOrchestrator<CycleInput, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, CycleInput input)
    {
        await context.CallActivityAsync<PlanRecorded>(nameof(Workflow.Orchestrations.ICycleActivities.RecordPlan), input);
        var points = CycleSchedule.Steps(input.Plan, []).SelectMany(s => s.Points).Select(p => p.Point).ToList();
        var units = input.Plan.Units.Select(unit => context.CallSubOrchestratorAsync<int>(
            nameof(UnitFollowUpOrchestrator),
            new UnitFollowUp(input.CycleId, unit.Id, input.BusinessClock, [.. points]),
            new SubOrchestrationOptions { InstanceId = $"{input.CycleId}:unit:{unit.Id}" }));
        var sent = await Task.WhenAll(units);
        return sent.Sum();
    }
}
