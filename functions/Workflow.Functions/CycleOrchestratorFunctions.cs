using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Workflow.Application;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Cycle;
using Workflow.Orchestrations.Nominations;
using Workflow.Orchestrations.Programme;

namespace Workflow.Functions;

/// <summary>
/// The cycle's orchestrators on Durable Functions, one per entry of <see cref="CycleTasks.Orchestrators"/>, under the
/// names the client and the orchestrations use (<c>nameof</c> of each class). Each is one line: the same SDK class the
/// local engine runs, on the context Durable Functions binds.
/// </summary>
public static class CycleOrchestratorFunctions
{
    [Function(nameof(ReportingCycleOrchestrator))]
    public static Task<CycleSummary> ReportingCycle([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ReportingCycleOrchestrator().RunAsync(context, context.GetInput<CycleInput>()!);

    [Function(nameof(NominationRoundOrchestrator))]
    public static Task<RoundResult> NominationRound([OrchestrationTrigger] TaskOrchestrationContext context)
        => new NominationRoundOrchestrator().RunAsync(context, context.GetInput<RoundInput>()!);

    [Function(nameof(ProgrammeOrchestrator))]
    public static Task<ProgrammeResult> Programme([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ProgrammeOrchestrator().RunAsync(context, context.GetInput<ProgrammeInput>()!);

    [Function(nameof(TreeAdvanceOrchestrator))]
    public static Task<int> TreeAdvance([OrchestrationTrigger] TaskOrchestrationContext context)
        => new TreeAdvanceOrchestrator().RunAsync(context, context.GetInput<TreeAdvance>()!);
}
