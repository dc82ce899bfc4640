using Workflow.Domain.Time;

namespace Workflow.Domain.Tests.Time;

public sealed class BusinessClockTests
{
    private const double Rehearsal = 175_000;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    // A rehearsal started at 09:00 on 11/03/2024 (wall) from the plan's issue day (business).
    private static readonly DateTimeOffset WallStart = new(2024, 3, 11, 9, 0, 0, Vietnam);
    private static readonly DateTimeOffset IssueDay = new(2024, 3, 11, 0, 0, 0, Vietnam);
    private static readonly BusinessClock Fast = new(WallStart, IssueDay, Rehearsal);

    [Fact]
    public void Live_BusinessIsWall_InUtc()
    {
        var wall = new DateTimeOffset(2024, 4, 30, 23, 59, 59, 999, Vietnam);

        Assert.Equal(wall, BusinessClock.Live.ToBusiness(wall));
        Assert.Equal(TimeSpan.Zero, BusinessClock.Live.ToBusiness(wall).Offset);
        Assert.Equal(wall, BusinessClock.Live.ToWall(wall));
        Assert.Equal(wall.UtcTicks, BusinessClock.Live.ToWall(wall).UtcTicks);
        Assert.True(BusinessClock.Live.IsLive);
        Assert.False(BusinessClock.Live.IsRehearsal);
        Assert.False(BusinessClock.Live.IsManual);
        Assert.Equal(TimeSpan.FromSeconds(1), BusinessClock.Live.Precision(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void SpeedOneShiftedInTime_IsARehearsal()
    {
        var shifted = new BusinessClock(WallStart, IssueDay, 1);

        Assert.False(shifted.IsLive);
        Assert.True(shifted.IsRehearsal);
        Assert.Equal(new DateTimeOffset(2024, 3, 11, 1, 0, 0, Vietnam), shifted.ToBusiness(WallStart.AddHours(1)));
    }

    [Fact]
    public void Rehearsal_OneWallSecondIsTwoBusinessDaysAndAHalfHourOdd()
    {
        Assert.Equal(IssueDay, Fast.ToBusiness(WallStart));
        Assert.Equal(new DateTimeOffset(2024, 3, 13, 0, 36, 40, Vietnam), Fast.ToBusiness(WallStart.AddSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(175_000), Fast.Precision(TimeSpan.FromSeconds(1)));
        Assert.True(Fast.IsRehearsal);
        Assert.False(Fast.IsManual);
    }

    [Fact]
    public void Rehearsal_FiveMonthsOfBusinessTime_PassInAboutSeventyFiveWallSeconds()
    {
        // 143 business days from 11/03 to the close at 01/08 00:00 are 12,355,200 s; ÷ 175,000 = 70.60114286 s.
        var closesAt = new DateTimeOffset(2024, 8, 1, 0, 0, 0, Vietnam);

        var wall = Fast.ToWall(closesAt);

        Assert.Equal(WallStart.AddTicks(706_011_429), wall);
        Assert.Equal(TimeSpan.Zero, wall.Offset);
        Assert.True(Fast.ToWall(new DateTimeOffset(2024, 8, 11, 0, 0, 0, Vietnam)) - WallStart < TimeSpan.FromSeconds(76));
    }

    [Fact]
    public void RoundTrip_WallToBusinessToWall_IsExact_AndBusinessToWallToBusinessWithinOneTickOfWallTime()
    {
        var wall = WallStart.AddMilliseconds(42_123.4567);
        Assert.Equal(wall, Fast.ToWall(Fast.ToBusiness(wall)));

        var business = new DateTimeOffset(2024, 5, 1, 0, 0, 0, Vietnam);
        var back = Fast.ToBusiness(Fast.ToWall(business));
        Assert.True((back - business).Duration() <= Fast.Precision(TimeSpan.FromTicks(1)), $"{back:O} vs {business:O}");
    }

    [Fact]
    public void SteppedTo_AnchorsAnew_WithTheSameSpeed()
    {
        var wall = WallStart.AddMinutes(3);
        var business = new DateTimeOffset(2024, 5, 1, 0, 0, 0, Vietnam);

        var stepped = Fast.SteppedTo(business, wall);

        Assert.Equal(Rehearsal, stepped.Speed);
        Assert.Equal(business, stepped.ToBusiness(wall));
        Assert.Equal(new DateTimeOffset(2024, 5, 3, 0, 36, 40, Vietnam), stepped.ToBusiness(wall.AddSeconds(1)));
        Assert.Equal(wall, stepped.ToWall(business));
    }

    [Fact]
    public void Manual_StandsStillUntilStepped()
    {
        var manual = new BusinessClock(WallStart, IssueDay, 0);

        Assert.True(manual.IsManual);
        Assert.True(manual.IsRehearsal);
        Assert.Equal(IssueDay, manual.ToBusiness(WallStart.AddDays(30)));
        Assert.Equal(TimeSpan.Zero, manual.Precision(TimeSpan.FromHours(1)));
        Assert.Throws<InvalidOperationException>(() => manual.ToWall(IssueDay));

        var business = new DateTimeOffset(2024, 4, 24, 8, 0, 0, Vietnam);
        var stepped = manual.SteppedTo(business, WallStart.AddMinutes(1));
        Assert.True(stepped.IsManual);
        Assert.Equal(business, stepped.ToBusiness(WallStart.AddYears(1)));
        Assert.Equal(TimeSpan.Zero, stepped.ToBusiness(WallStart).Offset);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Speed_OtherThanZeroOrFiniteAtLeastOne_IsRefused(double speed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessClock(WallStart, IssueDay, speed));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fast with { Speed = speed });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Rehearsal)]
    [InlineData(10_000_000)]
    public void Speed_ZeroOrAtLeastOne_IsAccepted(double speed) =>
        Assert.Equal(speed, new BusinessClock(WallStart, IssueDay, speed).Speed);

    [Theory]
    [InlineData(1)]
    [InlineData(Rehearsal)]
    [InlineData(10_000_000)]
    public void Conversions_DoNotOverflow_AcrossTheCentury(double speed)
    {
        var clock = new BusinessClock(WallStart, IssueDay, speed);
        DateTimeOffset[] instants = [new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2100, 12, 31, 23, 59, 59, TimeSpan.Zero), WallStart];

        foreach (var instant in instants)
        {
            Assert.Equal(TimeSpan.Zero, clock.ToBusiness(instant).Offset);
            Assert.Equal(TimeSpan.Zero, clock.ToWall(instant).Offset);
        }

        Assert.Equal(WallStart, clock.ToWall(clock.ToBusiness(WallStart)));
        Assert.Equal(TimeSpan.MaxValue, clock.Precision(TimeSpan.MaxValue));
    }

    [Fact]
    public void Conversions_ClampAtTheEndsOfTime_AtTopSpeed()
    {
        var clock = new BusinessClock(WallStart, IssueDay, 10_000_000);

        Assert.Equal(DateTimeOffset.MaxValue, clock.ToBusiness(new DateTimeOffset(2100, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(DateTimeOffset.MinValue, clock.ToBusiness(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.MaxValue, clock.Precision(TimeSpan.FromDays(365)));
        Assert.Equal(TimeSpan.MinValue.Ticks + 1, clock.Precision(TimeSpan.FromDays(-365)).Ticks);
        Assert.Equal(WallStart.AddTicks(86_400), clock.ToWall(IssueDay.AddDays(1)));
    }
}
