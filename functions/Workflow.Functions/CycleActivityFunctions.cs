using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application;
using Workflow.Functions.Durable;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using AzClient = Microsoft.DurableTask.Client;

namespace Workflow.Functions;

/// <summary>
/// The cycle's activities on Durable Functions, under the names the orchestrators call
/// (<c>nameof(ICycleActivities.X)</c>). Each is one line: <see cref="CycleActivities"/>, built for this invocation
/// around the bound Durable client (Durable Functions offers its client only as a binding, not as a service).
/// </summary>
public sealed class CycleActivityFunctions(IServiceProvider services)
{
    [Function(nameof(ICycleActivities.RecordPlan))]
    public Task<PlanRecorded> RecordPlan([ActivityTrigger] CycleInput input, [DurableClient] AzClient.DurableTaskClient client)
        => Activities(client).RecordPlan(input);

    [Function(nameof(ICycleActivities.SendPlanNotice))]
    public Task<bool> SendPlanNotice([ActivityTrigger] UnitNotice notice, [DurableClient] AzClient.DurableTaskClient client)
        => Activities(client).SendPlanNotice(notice);

    [Function(nameof(ICycleActivities.SendReminder))]
    public Task<bool> SendReminder([ActivityTrigger] ReminderRequest request, [DurableClient] AzClient.DurableTaskClient client)
        => Activities(client).SendReminder(request);

    [Function(nameof(ICycleActivities.ApplyExtension))]
    public Task<ExtensionApplied> ApplyExtension([ActivityTrigger] ExtensionRequest request, [DurableClient] AzClient.DurableTaskClient client)
        => Activities(client).ApplyExtension(request);

    [Function(nameof(ICycleActivities.EvaluateRound))]
    public Task<RoundResult> EvaluateRound([ActivityTrigger] RoundEvaluation evaluation, [DurableClient] AzClient.DurableTaskClient client)
        => Activities(client).EvaluateRound(evaluation);

    [Function(nameof(ICycleActivities.Consolidate))]
    public Task<CycleSummary> Consolidate([ActivityTrigger] ConsolidationRequest request, [DurableClient] AzClient.DurableTaskClient client)
        => Activities(client).Consolidate(request);

    [Function(nameof(ICycleActivities.StartPeriodCycle))]
    public Task<string> StartPeriodCycle([ActivityTrigger] CycleInput input, [DurableClient] AzClient.DurableTaskClient client)
        => Activities(client).StartPeriodCycle(input);

    private CycleActivities Activities(AzClient.DurableTaskClient client)
        => ActivatorUtilities.CreateInstance<CycleActivities>(services, new FunctionsDurableTaskClient(client));
}
