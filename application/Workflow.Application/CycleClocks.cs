namespace Workflow.Application;

/// <summary>
/// A cycle's business time as the upload boundary and the API see it: the clock the cycle recorded (live, a sliding
/// rehearsal, or a stepped rehearsal standing at an instant) applied to the server's clock. The orchestration maps its
/// own time through the same clock, so both always agree on what time it is in the cycle.
/// </summary>
public sealed class CycleClocks(IStatusStore status, TimeProvider time)
{
    public async Task<BusinessClock> ClockAsync(string cycleId, CancellationToken cancellationToken = default) =>
        await status.GetClockAsync(cycleId, cancellationToken) ?? BusinessClock.Live;

    public async Task<DateTimeOffset> NowAsync(string cycleId, CancellationToken cancellationToken = default) =>
        (await ClockAsync(cycleId, cancellationToken)).ToBusiness(time.GetUtcNow());
}
