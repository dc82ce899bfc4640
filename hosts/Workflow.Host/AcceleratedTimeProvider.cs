namespace Workflow.Host;

/// <summary>
/// Business time that starts at a chosen instant and runs <c>speed</c> times faster than the real clock: timers and
/// delays created through it fire after their due time divided by the speed, so a cycle of months runs in minutes.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _startAt;
    private readonly double _speed;
    private readonly TimeProvider _real;
    private readonly long _startTimestamp;

    public AcceleratedTimeProvider(DateTimeOffset startAt, double speed, TimeProvider? real = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(speed, 1.0);
        _startAt = startAt.ToUniversalTime();
        _speed = speed;
        _real = real ?? System;
        _startTimestamp = _real.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow() => _startAt + _real.GetElapsedTime(_startTimestamp) * _speed;

    public override long TimestampFrequency => _real.TimestampFrequency;

    /// <summary>Scaled from the start only, so it cannot overflow for any run of realistic length.</summary>
    public override long GetTimestamp() => _startTimestamp + (long)((_real.GetTimestamp() - _startTimestamp) * _speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>
    /// One real millisecond is added because system timers tick in milliseconds and may fire a fraction early, which
    /// the speed would turn into minutes of business time before the due instant.
    /// </summary>
    private TimeSpan ToReal(TimeSpan business) =>
        business == Timeout.InfiniteTimeSpan || business <= TimeSpan.Zero ? business : (business / _speed) + TimeSpan.FromMilliseconds(1);

    /// <summary>A changed timer is rescaled too.</summary>
    private sealed class ScaledTimer(ITimer inner, AcceleratedTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToReal(dueTime), owner.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
