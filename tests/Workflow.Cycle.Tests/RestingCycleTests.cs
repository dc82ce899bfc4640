using Workflow.Domain.Time;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Cycle.Tests;

/// <summary>
/// Which sub-cycles an advance of a stepped tree may leave asleep (<see cref="CycleProgress.RestsThrough"/>), and where
/// such a cycle is shown to stand (<see cref="CycleProgress.StandingBy"/>). Pure rules, no engine.
/// </summary>
public sealed class RestingCycleTests
{
    private static readonly DateTimeOffset Wall = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Stood = new(2024, 4, 7, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Next = new(2024, 4, 9, 1, 0, 0, TimeSpan.Zero);
    private static readonly BusinessClock Stepped = new(Wall, Stood, 0);

    private static CycleProgress Collecting(BusinessClock? rehearsal) => new()
    {
        Phase = CyclePhase.Collecting,
        Rehearsal = rehearsal,
        NextStepAt = Next,
        StandsAt = rehearsal is { IsManual: true } ? Stood : null,
    };

    [Fact]
    public void A_stepped_cycle_rests_through_any_instant_before_its_next_step_and_not_through_the_step()
    {
        var progress = Collecting(Stepped);
        Assert.True(progress.RestsThrough(Next.AddTicks(-1)));
        Assert.False(progress.RestsThrough(Next));
        Assert.False(progress.RestsThrough(Next.AddDays(1)));
    }

    [Fact]
    public void Live_sliding_issuing_closing_or_unscheduled_cycles_never_rest()
    {
        var before = Next.AddDays(-1);
        Assert.False(Collecting(null).RestsThrough(before));
        Assert.False(Collecting(new BusinessClock(Wall, Stood, 2000)).RestsThrough(before));
        Assert.False((Collecting(Stepped) with { Phase = CyclePhase.Issuing }).RestsThrough(before));
        Assert.False((Collecting(Stepped) with { Phase = CyclePhase.Consolidating }).RestsThrough(before));
        Assert.False((Collecting(Stepped) with { NextStepAt = null }).RestsThrough(before));
    }

    [Fact]
    public void Only_a_step_exactly_at_the_instant_lets_an_advance_record_the_stand_for_the_cycle()
    {
        var progress = Collecting(Stepped);
        Assert.True(progress.StepsAt(Next));
        // Steps before the instant are acted on first, each at its own instant, so the cycle stands only after them.
        Assert.False(progress.StepsAt(Next.AddHours(1)));
        Assert.False(progress.StepsAt(Next.AddHours(-1)));
        Assert.False(Collecting(new BusinessClock(Wall, Stood, 2000)).StepsAt(Next));
    }

    [Fact]
    public void A_resting_cycle_stands_where_its_clock_was_moved()
    {
        var moved = Stepped with { BusinessOrigin = Next.AddHours(-1) };
        Assert.Equal(moved.BusinessOrigin, Collecting(Stepped).StandingBy(moved).StandsAt);
    }

    [Fact]
    public void A_cycle_woken_for_a_step_shows_its_own_stand_until_it_has_acted()
    {
        // Its clock already reads the step's instant (its stand runs beside the wave), but the step is not done yet.
        var atStep = Stepped with { BusinessOrigin = Next };
        Assert.Equal(Stood, Collecting(Stepped).StandingBy(atStep).StandsAt);
        // A clock behind the cycle's own stand never moves it back.
        Assert.Equal(Stood, Collecting(Stepped).StandingBy(Stepped with { BusinessOrigin = Stood.AddDays(-1) }).StandsAt);
    }
}
