using Workflow.Orchestrations.Cycle;
using Workflow.Orchestrations.FollowUp;
using Workflow.Orchestrations.Nominations;
using Workflow.Orchestrations.Programme;

namespace Workflow.Application;

/// <summary>Registers the cycle's orchestrators and activities with the durable runtime, by the names orchestrators call.</summary>
public static class CycleTasks
{
    public static DurableTaskRegistry AddReportingCycleTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<ReportingCycleOrchestrator>()
            .AddOrchestrator<UnitFollowUpOrchestrator>()
            .AddOrchestrator<NominationRoundOrchestrator>()
            .AddOrchestrator<ProgrammeOrchestrator>()
            .AddActivityFunc<CycleActivities, CycleInput, PlanRecorded>(nameof(ICycleActivities.RecordPlan), (a, _, input) => a.RecordPlan(input))
            .AddActivityFunc<CycleActivities, UnitNotice, bool>(nameof(ICycleActivities.SendPlanNotice), (a, _, input) => a.SendPlanNotice(input))
            .AddActivityFunc<CycleActivities, ReminderRequest, bool>(nameof(ICycleActivities.SendReminder), (a, _, input) => a.SendReminder(input))
            .AddActivityFunc<CycleActivities, ExtensionRequest, ExtensionApplied>(nameof(ICycleActivities.ApplyExtension), (a, _, input) => a.ApplyExtension(input))
            .AddActivityFunc<CycleActivities, RoundEvaluation, RoundResult>(nameof(ICycleActivities.EvaluateRound), (a, _, input) => a.EvaluateRound(input))
            .AddActivityFunc<CycleActivities, ConsolidationRequest, CycleSummary>(nameof(ICycleActivities.Consolidate), (a, _, input) => a.Consolidate(input))
            .AddActivityFunc<CycleActivities, CycleInput, string>(nameof(ICycleActivities.StartPeriodCycle), (a, _, input) => a.StartPeriodCycle(input));
    }
}
