using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Benchmarks.PerUnit;

/// <summary>
/// One unit in the old design: its plan notice, then a wait for each schedule point and one mail activity per
/// reminder or chase. On a sliding clock the wait is a durable timer (through the product's
/// <see cref="BusinessTime.WaitUntilAsync"/>, so timers behave the same); on a stepped clock it is the steps the
/// cycle sends on.
/// </summary>
internal sealed class UnitFollowUpOrchestrator : TaskOrchestrator<UnitFollowUp, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, UnitFollowUp input)
    {
        var standsAt = input.Clock.BusinessOrigin;
        var sent = await context.CallActivityAsync<bool>(nameof(UnitMailActivity), new UnitMail(input.CycleId, input.UnitId, null, context.Now(input.Clock))) ? 1 : 0;
        foreach (var point in input.Points)
        {
            if (input.Clock.IsManual)
            {
                // Bounded: each step moves the clock forward, and the driver steps to the close.
                while (standsAt < point.Instant)
                {
                    standsAt = (await context.WaitForExternalEvent<ClockAdvance>(ClockAdvance.EventName)).To;
                }
            }
            else
            {
                await context.WaitUntilAsync(input.Clock, point.Instant, CancellationToken.None);
            }

            if (point.Kind != ScheduledPointKind.Deadline)
            {
                sent += await context.CallActivityAsync<bool>(nameof(UnitMailActivity), new UnitMail(input.CycleId, input.UnitId, point, point.Instant)) ? 1 : 0;
            }
        }

        return sent;
    }
}
