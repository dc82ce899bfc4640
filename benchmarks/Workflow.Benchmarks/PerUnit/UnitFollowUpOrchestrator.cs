using Workflow.Orchestrations;

namespace Workflow.Benchmarks.PerUnit;

/// <summary>
/// One unit in the old design: its plan notice, then a durable timer for each schedule point (through the product's
/// <see cref="BusinessTime.WaitUntilAsync"/>, so timers behave the same) and one mail activity per reminder or chase.
/// </summary>
internal sealed class UnitFollowUpOrchestrator : TaskOrchestrator<UnitFollowUp, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, UnitFollowUp input)
    {
        var sent = await context.CallActivityAsync<bool>(nameof(UnitMailActivity), new UnitMail(input.CycleId, input.UnitId, null, context.Now(input.Clock))) ? 1 : 0;
        foreach (var point in input.Points)
        {
            await context.WaitUntilAsync(input.Clock, point.Instant, CancellationToken.None);
            if (point.Kind != ScheduledPointKind.Deadline)
            {
                sent += await context.CallActivityAsync<bool>(nameof(UnitMailActivity), new UnitMail(input.CycleId, input.UnitId, point, point.Instant)) ? 1 : 0;
            }
        }

        return sent;
    }
}
