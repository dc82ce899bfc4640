using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Workflow.Functions.Durable;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Orchestrations.FollowUp;
using Workflow.Orchestrations.Nominations;
using Workflow.Orchestrations.Programme;
using Az = Microsoft.DurableTask;

namespace Workflow.Functions;

/// <summary>
/// The cycle's orchestrators on Durable Functions, under the names the orchestrations and the client use
/// (<c>nameof</c> of each class). Each is one line: our orchestrator, run on the adapted context.
/// </summary>
public sealed class CycleOrchestratorFunctions(ILoggerFactory loggerFactory)
{
    [Function(nameof(ReportingCycleOrchestrator))]
    public Task<CycleSummary> ReportingCycle([OrchestrationTrigger] Az.TaskOrchestrationContext context, CycleInput input)
        => new ReportingCycleOrchestrator().RunAsync(new FunctionsOrchestrationContext(context, loggerFactory), input);

    [Function(nameof(UnitFollowUpOrchestrator))]
    public Task<FollowUpResult> UnitFollowUp([OrchestrationTrigger] Az.TaskOrchestrationContext context, FollowUpInput input)
        => new UnitFollowUpOrchestrator().RunAsync(new FunctionsOrchestrationContext(context, loggerFactory), input);

    [Function(nameof(NominationRoundOrchestrator))]
    public Task<RoundResult> NominationRound([OrchestrationTrigger] Az.TaskOrchestrationContext context, RoundInput input)
        => new NominationRoundOrchestrator().RunAsync(new FunctionsOrchestrationContext(context, loggerFactory), input);

    [Function(nameof(ProgrammeOrchestrator))]
    public Task<ProgrammeResult> Programme([OrchestrationTrigger] Az.TaskOrchestrationContext context, ProgrammeInput input)
        => new ProgrammeOrchestrator().RunAsync(new FunctionsOrchestrationContext(context, loggerFactory), input);
}
