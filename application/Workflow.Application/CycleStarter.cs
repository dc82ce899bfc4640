using Workflow.Orchestrations.Cycle;

namespace Workflow.Application;

/// <summary>
/// Starts a reporting cycle the way every starter should (the API, a programme, the benchmark): the whole plan is
/// stored under the cycle id first, and the orchestration is given only <see cref="Plan.ForSchedule"/>. Its input
/// and history then stay small however many units the plan has; activities read the stored plan.
/// </summary>
public sealed class CycleStarter(IPlanStore plans)
{
    /// <summary>
    /// The instance id scheduled. Storing is idempotent for the same plan; a different plan already stored under the
    /// cycle id throws <see cref="InvalidOperationException"/>, because a cycle id names its plan for good. The client
    /// is the caller's: on Functions it is bound to the trigger, not taken from the container.
    /// </summary>
    public async Task<string> StartAsync(DurableTaskClient client, CycleInput input, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        await plans.SaveAsync(input.CycleId, input.Plan, cancellationToken);
        return await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), input with { Plan = input.Plan.ForSchedule() }, new StartOrchestrationOptions(instanceId), cancellationToken);
    }
}
