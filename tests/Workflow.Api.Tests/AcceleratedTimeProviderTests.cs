using Microsoft.Extensions.Time.Testing;
using Workflow.Host;

namespace Workflow.Api.Tests;

public sealed class AcceleratedTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 11, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Now_StartsAtTheGivenInstant_AndRunsSpeedTimesFaster()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new AcceleratedTimeProvider(Start, 86_400, real);
        Assert.Equal(Start, clock.GetUtcNow());
        var started = clock.GetTimestamp();
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Start.AddDays(1), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromDays(1), clock.GetElapsedTime(started));
    }

    [Fact]
    public void Timers_FireAfterTheirDueTimeDividedByTheSpeed_AlsoWhenChanged()
    {
        var real = new FakeTimeProvider();
        var clock = new AcceleratedTimeProvider(Start, 1_000, real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal(0, fired);
        real.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);

        timer.Change(TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        real.Advance(TimeSpan.FromMilliseconds(60));
        Assert.Equal(1, fired);
        real.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, fired);
    }

    [Fact]
    public async Task Delay_OnTheAcceleratedClock_TakesAFractionOfTheRealTime()
    {
        var clock = new AcceleratedTimeProvider(Start, 100_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromHours(1), clock);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"A one-hour delay took {watch.Elapsed} of real time.");
        Assert.True(clock.GetUtcNow() >= Start.AddHours(1));
    }

    [Fact]
    public void SpeedBelowOne_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(Start, 0.5));
}
