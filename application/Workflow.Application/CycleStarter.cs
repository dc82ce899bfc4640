using Workflow.Orchestrations.Cycle;

namespace Workflow.Application;

/// <summary>
/// Starts a reporting cycle the way every starter should (the API, a programme, the benchmark): the whole plan is
/// stored under the cycle id first, and the orchestration is given only <see cref="Plan.ForSchedule"/>. Its input
/// and history then stay small however many units the plan has; activities read the stored plan.
/// </summary>
public sealed class CycleStarter(IPlanStore plans, ITemplateStore templates, TimeProvider time)
{
    /// <summary>
    /// The instance id scheduled. Storing is idempotent for the same plan; a different plan already stored under the
    /// cycle id throws <see cref="InvalidOperationException"/>, because a cycle id names its plan for good. The client
    /// is the caller's: on Functions it is bound to the trigger, not taken from the container.
    /// </summary>
    public Task<string> StartAsync(DurableTaskClient client, CycleInput input, string instanceId, CancellationToken cancellationToken = default) =>
        StartAsync(client, input, instanceId, [], cancellationToken);

    /// <summary>
    /// As above, with the forms' template files attached after the plan is stored and before the cycle is scheduled, so
    /// the plan notice, sent as the cycle starts, already links them. A start that fails on the way has scheduled nothing,
    /// and the same start sent again stores the same plan and the same files.
    /// </summary>
    public async Task<string> StartAsync(DurableTaskClient client, CycleInput input, string instanceId, IReadOnlyList<TemplateUpload> attachments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(attachments);
        await plans.SaveAsync(input.CycleId, input.Plan, cancellationToken);
        foreach (var attachment in attachments)
        {
            await templates.PutAsync(input.CycleId, attachment.FileName, attachment.Content, time.GetUtcNow(), cancellationToken);
        }

        return await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), input with { Plan = input.Plan.ForSchedule() }, new StartOrchestrationOptions(instanceId), cancellationToken);
    }
}
