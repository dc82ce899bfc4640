using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application;
using Workflow.Domain.Time;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Functions;

/// <summary>
/// The cycle's activities on Durable Functions, one per entry of <see cref="CycleTasks.Activities"/>, under the names
/// the orchestrators call (<c>nameof(ICycleActivities.X)</c>). Each is one line: <see cref="CycleActivities"/>, built
/// for this invocation around the bound client (Durable Functions offers its client only as a binding, not as a service).
/// </summary>
public sealed class CycleActivityFunctions(IServiceProvider services)
{
    [Function(nameof(ICycleActivities.RecordPlan))]
    public Task<PlanRecorded> RecordPlan([ActivityTrigger] CycleInput input, [DurableClient] DurableTaskClient client)
        => Activities(client).RecordPlan(input);

    [Function(nameof(ICycleActivities.SendPlanNotices))]
    public Task<BatchOutcome> SendPlanNotices([ActivityTrigger] NoticeBatch batch, [DurableClient] DurableTaskClient client)
        => Activities(client).SendPlanNotices(batch);

    [Function(nameof(ICycleActivities.SendPointMails))]
    public Task<BatchOutcome> SendPointMails([ActivityTrigger] PointBatch batch, [DurableClient] DurableTaskClient client)
        => Activities(client).SendPointMails(batch);

    [Function(nameof(ICycleActivities.ApplyExtension))]
    public Task<ExtensionApplied> ApplyExtension([ActivityTrigger] ExtensionRequest request, [DurableClient] DurableTaskClient client)
        => Activities(client).ApplyExtension(request);

    [Function(nameof(ICycleActivities.SetClock))]
    public Task<BusinessClock> SetClock([ActivityTrigger] ClockRecord record, [DurableClient] DurableTaskClient client)
        => Activities(client).SetClock(record);

    [Function(nameof(ICycleActivities.TallyReports))]
    public Task<Tally> TallyReports([ActivityTrigger] TallyRequest request, [DurableClient] DurableTaskClient client)
        => Activities(client).TallyReports(request);

    [Function(nameof(ICycleActivities.EvaluateRound))]
    public Task<RoundResult> EvaluateRound([ActivityTrigger] RoundEvaluation evaluation, [DurableClient] DurableTaskClient client)
        => Activities(client).EvaluateRound(evaluation);

    [Function(nameof(ICycleActivities.PendingQuotas))]
    public Task<IReadOnlyList<string>> PendingQuotas([ActivityTrigger] QuotaWait wait, [DurableClient] DurableTaskClient client)
        => Activities(client).PendingQuotas(wait);

    [Function(nameof(ICycleActivities.CloseUnjudged))]
    public Task<RoundResult> CloseUnjudged([ActivityTrigger] RoundUnjudged round, [DurableClient] DurableTaskClient client)
        => Activities(client).CloseUnjudged(round);

    [Function(nameof(ICycleActivities.NotePiece))]
    public Task<bool> NotePiece([ActivityTrigger] PieceNote note, [DurableClient] DurableTaskClient client)
        => Activities(client).NotePiece(note);

    [Function(nameof(ICycleActivities.Consolidate))]
    public Task<CycleSummary> Consolidate([ActivityTrigger] ConsolidationRequest request, [DurableClient] DurableTaskClient client)
        => Activities(client).Consolidate(request);

    [Function(nameof(ICycleActivities.TakeSnapshot))]
    public Task<ConsolidationSnapshot> TakeSnapshot([ActivityTrigger] SnapshotRequest request, [DurableClient] DurableTaskClient client)
        => Activities(client).TakeSnapshot(request);

    [Function(nameof(ICycleActivities.SendMilestoneMail))]
    public Task<BatchOutcome> SendMilestoneMail([ActivityTrigger] MilestonePoint point, [DurableClient] DurableTaskClient client)
        => Activities(client).SendMilestoneMail(point);

    [Function(nameof(ICycleActivities.StartPeriodCycle))]
    public Task<string> StartPeriodCycle([ActivityTrigger] CycleInput input, [DurableClient] DurableTaskClient client)
        => Activities(client).StartPeriodCycle(input);

    [Function(nameof(ICycleActivities.WakeSubCycles))]
    public Task<int> WakeSubCycles([ActivityTrigger] SubCycleWakes wakes, [DurableClient] DurableTaskClient client)
        => Activities(client).WakeSubCycles(wakes);

    [Function(nameof(ICycleActivities.StillWaking))]
    public Task<IReadOnlyList<string>> StillWaking([ActivityTrigger] WakeCheck check, [DurableClient] DurableTaskClient client)
        => Activities(client).StillWaking(check);

    private CycleActivities Activities(DurableTaskClient client) => ActivatorUtilities.CreateInstance<CycleActivities>(services, client);
}
