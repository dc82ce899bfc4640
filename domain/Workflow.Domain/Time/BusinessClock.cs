namespace Workflow.Domain.Time;

/// <summary>
/// Maps wall-clock time to the business time a cycle runs on: business = BusinessOrigin + (wall − WallOrigin) × Speed.
/// Live runs at speed 1 on wall time; a rehearsal runs faster (e.g. 175,000: five months in about 90 minutes) or,
/// at speed 0, stands still at <see cref="BusinessOrigin"/> until an operator steps it. Results are UTC and clamp to
/// the range of <see cref="DateTimeOffset"/> instead of overflowing.
/// </summary>
public sealed record BusinessClock(DateTimeOffset WallOrigin, DateTimeOffset BusinessOrigin, double Speed)
{
    // Decimal keeps tick-exact results for ordinary speeds; beyond this a speed is not representable exactly anyway.
    private const double MaxExactSpeed = 1e15;

    private readonly double _speed = Valid(Speed);

    /// <summary>Business time is wall time.</summary>
    public static BusinessClock Live { get; } = new(default, default, 1);

    /// <summary>0, or at least 1 and finite: a slower-than-live clock has no use and would stretch waits.</summary>
    public double Speed
    {
        get => _speed;
        init => _speed = Valid(value);
    }

    /// <summary>Business time equals wall time.</summary>
    public bool IsLive => Speed == 1 && BusinessOrigin == WallOrigin;

    /// <summary>Business time stands still at <see cref="BusinessOrigin"/> until stepped.</summary>
    public bool IsManual => Speed == 0;

    public bool IsRehearsal => !IsLive;

    public DateTimeOffset ToBusiness(DateTimeOffset wall) =>
        Instant(BusinessOrigin.UtcTicks, Scale(wall.UtcTicks - WallOrigin.UtcTicks, inverse: false, DateTimeOffset.MaxValue.UtcTicks));

    /// <summary>The wall instant at which business time reaches <paramref name="business"/>; a manual clock never does.</summary>
    public DateTimeOffset ToWall(DateTimeOffset business)
    {
        if (IsManual)
        {
            throw new InvalidOperationException("A manual clock only moves when stepped; no wall instant reaches a business instant.");
        }

        return Instant(WallOrigin.UtcTicks, Scale(business.UtcTicks - BusinessOrigin.UtcTicks, inverse: true, DateTimeOffset.MaxValue.UtcTicks));
    }

    /// <summary>The same speed anchored anew: business time is <paramref name="business"/> at wall time <paramref name="wall"/>.</summary>
    public BusinessClock SteppedTo(DateTimeOffset business, DateTimeOffset wall) =>
        this with { WallOrigin = wall.ToUniversalTime(), BusinessOrigin = business.ToUniversalTime() };

    /// <summary>How much business time a wall-clock jitter amounts to; zero on a manual clock, which does not run.</summary>
    public TimeSpan Precision(TimeSpan wallJitter) =>
        TimeSpan.FromTicks(Scale(wallJitter.Ticks, inverse: false, TimeSpan.MaxValue.Ticks));

    private static double Valid(double speed) =>
        speed == 0 || (speed >= 1 && double.IsFinite(speed))
            ? speed
            : throw new ArgumentOutOfRangeException(nameof(Speed), speed, "Speed must be 0 (manual) or a finite number of at least 1.");

    private static DateTimeOffset Instant(long originTicks, long offsetTicks)
    {
        // Both terms are within ±MaxValue ticks, so the sum cannot overflow a long before it is clamped.
        var ticks = Math.Clamp(originTicks + offsetTicks, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    // ticks × Speed (or ÷ Speed), rounded to a tick and clamped to ±limit.
    private long Scale(long ticks, bool inverse, long limit)
    {
        if (ticks == 0 || _speed == 0)
        {
            return 0;
        }

        var approximate = inverse ? ticks / _speed : ticks * _speed;
        if (Math.Abs(approximate) >= limit)
        {
            return approximate > 0 ? limit : -limit;
        }

        if (_speed > MaxExactSpeed)
        {
            return (long)Math.Round(approximate);
        }

        var speed = (decimal)_speed;
        var exact = Math.Round(inverse ? ticks / speed : ticks * speed, MidpointRounding.AwayFromZero);
        return (long)Math.Clamp(exact, -limit, limit);
    }
}
