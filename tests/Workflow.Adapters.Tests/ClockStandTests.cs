using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Time;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

/// <summary>A stepped rehearsal's stored clock only moves on: an advance and a late stand may arrive in either order.</summary>
[Collection(AdapterCollection.Name)]
public sealed class ClockStandTests(AdapterFixture fixture)
{
    private static readonly DateTimeOffset Wall = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Origin = Clock.Vietnam(2024, 4, 1, 8);

    [Fact]
    public async Task A_stand_moves_a_stepped_clock_on_and_never_back()
    {
        var store = fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>();
        var cycle = AdapterFixture.NewCycleId();
        await store.SetClockAsync(cycle, new BusinessClock(Wall, Origin, 0));

        var later = Clock.Vietnam(2024, 4, 9, 8);
        Assert.Equal(later, (await store.StandClockAsync(cycle, later))!.BusinessOrigin);
        // The stand of an earlier advance, arriving after a later one: the clock stays where the later one put it.
        Assert.Equal(later, (await store.StandClockAsync(cycle, Clock.Vietnam(2024, 4, 8, 8)))!.BusinessOrigin);
        var stored = await store.GetClockAsync(cycle);
        Assert.Equal(new BusinessClock(Wall, later, 0), stored);
    }

    [Fact]
    public async Task Stands_racing_leave_the_latest_instant()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>()).ToList();
        var cycle = AdapterFixture.NewCycleId();
        await stores[0].SetClockAsync(cycle, new BusinessClock(Wall, Origin, 0));

        var instants = Enumerable.Range(1, 12).Select(d => Origin.AddDays(d)).ToList();
        await Task.WhenAll(instants.Select((at, i) => stores[i % stores.Count].StandClockAsync(cycle, at)));

        Assert.Equal(instants[^1], (await stores[0].GetClockAsync(cycle))!.BusinessOrigin);
    }

    [Fact]
    public async Task A_clock_that_is_not_stepped_is_left_as_it_is_and_a_cycle_without_one_gets_none()
    {
        var store = fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>();
        var sliding = AdapterFixture.NewCycleId();
        var clock = new BusinessClock(Wall, Origin, 2000);
        await store.SetClockAsync(sliding, clock);

        Assert.Equal(clock, await store.StandClockAsync(sliding, Origin.AddDays(3)));
        Assert.Equal(clock, await store.GetClockAsync(sliding));
        Assert.Null(await store.StandClockAsync(AdapterFixture.NewCycleId(), Origin));
    }
}
