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

    /// <summary>Moves a stepped rehearsal's recorded clock on to <paramref name="at"/> (never back); null when the cycle has none.</summary>
    public Task<BusinessClock?> StandAsync(string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        status.StandClockAsync(cycleId, at, cancellationToken);

    public async Task<DateTimeOffset> NowAsync(string cycleId, CancellationToken cancellationToken = default) =>
        Now(await ClockAsync(cycleId, cancellationToken));

    /// <summary>The wall instant now, to be mapped once the cycle's clock is read (<see cref="BusinessClock.ToBusiness"/>).</summary>
    public DateTimeOffset WallNow() => time.GetUtcNow();

    /// <summary>The business time of a clock already read, so a caller that needs both reads the cycle's record once.</summary>
    public DateTimeOffset Now(BusinessClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.ToBusiness(time.GetUtcNow());
    }
}
