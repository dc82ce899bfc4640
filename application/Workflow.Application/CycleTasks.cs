using Workflow.Orchestrations.Cycle;
using Workflow.Orchestrations.Nominations;
using Workflow.Orchestrations.Programme;

namespace Workflow.Application;

/// <summary>
/// Every orchestrator and activity of the cycle, under the names the orchestrations call (<c>nameof</c>). The local
/// host registers these with its engine; the Functions app declares one trigger per name, and a test checks that its
/// built metadata lists exactly these.
/// </summary>
public static class CycleTasks
{
    public static IReadOnlyList<(TaskName Name, Func<ITaskOrchestrator> Create)> Orchestrators { get; } =
    [
        (nameof(ReportingCycleOrchestrator), () => new ReportingCycleOrchestrator()),
        (nameof(NominationRoundOrchestrator), () => new NominationRoundOrchestrator()),
        (nameof(ProgrammeOrchestrator), () => new ProgrammeOrchestrator()),
        (nameof(TreeAdvanceOrchestrator), () => new TreeAdvanceOrchestrator()),
    ];

    public static IReadOnlyList<(TaskName Name, Func<IServiceProvider, ITaskActivity> Create)> Activities { get; } =
    [
        Activity<CycleInput, PlanRecorded>(nameof(ICycleActivities.RecordPlan), (a, i) => a.RecordPlan(i)),
        Activity<NoticeBatch, BatchOutcome>(nameof(ICycleActivities.SendPlanNotices), (a, i) => a.SendPlanNotices(i)),
        Activity<PointBatch, BatchOutcome>(nameof(ICycleActivities.SendPointMails), (a, i) => a.SendPointMails(i)),
        Activity<ExtensionRequest, ExtensionApplied>(nameof(ICycleActivities.ApplyExtension), (a, i) => a.ApplyExtension(i)),
        Activity<ClockRecord, BusinessClock>(nameof(ICycleActivities.SetClock), (a, i) => a.SetClock(i)),
        Activity<TallyRequest, Tally>(nameof(ICycleActivities.TallyReports), (a, i) => a.TallyReports(i)),
        Activity<RoundEvaluation, RoundResult>(nameof(ICycleActivities.EvaluateRound), (a, i) => a.EvaluateRound(i)),
        Activity<QuotaWait, IReadOnlyList<string>>(nameof(ICycleActivities.PendingQuotas), (a, i) => a.PendingQuotas(i)),
        Activity<RoundUnjudged, RoundResult>(nameof(ICycleActivities.CloseUnjudged), (a, i) => a.CloseUnjudged(i)),
        Activity<ConsolidationRequest, CycleSummary>(nameof(ICycleActivities.Consolidate), (a, i) => a.Consolidate(i)),
        Activity<SnapshotRequest, ConsolidationSnapshot>(nameof(ICycleActivities.TakeSnapshot), (a, i) => a.TakeSnapshot(i)),
        Activity<MilestonePoint, BatchOutcome>(nameof(ICycleActivities.SendMilestoneMail), (a, i) => a.SendMilestoneMail(i)),
        Activity<CycleInput, string>(nameof(ICycleActivities.StartPeriodCycle), (a, i) => a.StartPeriodCycle(i)),
        Activity<PieceNote, bool>(nameof(ICycleActivities.NotePiece), (a, i) => a.NotePiece(i)),
        Activity<SubCycleWakes, int>(nameof(ICycleActivities.WakeSubCycles), (a, i) => a.WakeSubCycles(i)),
        Activity<WakeCheck, IReadOnlyList<string>>(nameof(ICycleActivities.StillWaking), (a, i) => a.StillWaking(i)),
    ];

    private static (TaskName, Func<IServiceProvider, ITaskActivity>) Activity<TInput, TOutput>(string name, Func<CycleActivities, TInput, Task<TOutput>> run) =>
        (name, services => new CycleActivity<TInput, TOutput>(services, run));
}
