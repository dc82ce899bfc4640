using Workflow.Domain.Plans;
using Workflow.Domain.Time;

namespace Workflow.Domain.Tests.Time;

public sealed class DeadlineEvaluatorTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly DeadlineEvaluator _evaluator = DeadlineEvaluator.Vietnam;

    [Theory]
    [InlineData(2024, 4, 1)]
    [InlineData(2024, 5, 1)]
    [InlineData(2024, 7, 20)]
    public void BeforeDeadline_LastMillisecondOfPreviousDay_IsOnTime(int year, int month, int day)
    {
        var deadline = Deadline.Before(new DateOnly(year, month, day));
        var lastMoment = new DateTimeOffset(year, month, day, 0, 0, 0, Vietnam).AddMilliseconds(-1);

        Assert.Equal(Timeliness.OnTime, _evaluator.Evaluate(deadline, lastMoment));
        Assert.Equal(lastMoment, _evaluator.LastAcceptedInstant(deadline));
    }

    [Theory]
    [InlineData(2024, 4, 1)]
    [InlineData(2024, 5, 1)]
    [InlineData(2024, 7, 20)]
    public void BeforeDeadline_MidnightOfTheNamedDay_IsLate(int year, int month, int day)
    {
        var deadline = Deadline.Before(new DateOnly(year, month, day));
        var midnight = new DateTimeOffset(year, month, day, 0, 0, 0, Vietnam);

        Assert.Equal(Timeliness.Late, _evaluator.Evaluate(deadline, midnight));
        Assert.Equal(midnight, _evaluator.Cutoff(deadline));
    }

    [Fact]
    public void BeforeFirstApril2024_CutoffIsStoredAs17HoursUtcOnThe31stOfMarch()
    {
        var cutoff = _evaluator.Cutoff(Deadline.Before(new DateOnly(2024, 4, 1)));

        Assert.Equal(TimeSpan.Zero, cutoff.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 17, 0, 0, TimeSpan.Zero), cutoff);
    }

    [Fact]
    public void Arrival_IsJudgedByTheInstant_NotByTheOffsetItWasWrittenIn()
    {
        var deadline = Deadline.Before(new DateOnly(2024, 5, 1));
        // 30/4/2024 23:30 in Vietnam, written as UTC and as a client's local time in another zone.
        var utc = new DateTimeOffset(2024, 4, 30, 16, 30, 0, TimeSpan.Zero);
        var elsewhere = utc.ToOffset(TimeSpan.FromHours(-5));

        Assert.Equal(Timeliness.OnTime, _evaluator.Evaluate(deadline, utc));
        Assert.Equal(Timeliness.OnTime, _evaluator.Evaluate(deadline, elsewhere));
        Assert.Equal(Timeliness.Late, _evaluator.Evaluate(deadline, utc.AddMinutes(30)));
    }

    [Fact]
    public void ByDeadline_IncludesTheNamedDay()
    {
        var deadline = Deadline.By(new DateOnly(2024, 1, 15));

        Assert.Equal(Timeliness.OnTime, _evaluator.Evaluate(deadline, new DateTimeOffset(2024, 1, 15, 23, 59, 59, 999, Vietnam)));
        Assert.Equal(Timeliness.Late, _evaluator.Evaluate(deadline, new DateTimeOffset(2024, 1, 16, 0, 0, 0, Vietnam)));
    }

    [Fact]
    public void WithinMonthDeadline_IncludesTheLastDayOfTheMonth()
    {
        var deadline = Deadline.WithinMonth(2024, 5);

        Assert.Equal(new DateOnly(2024, 5, 31), deadline.LastDay);
        Assert.Equal(Timeliness.OnTime, _evaluator.Evaluate(deadline, new DateTimeOffset(2024, 5, 31, 23, 59, 59, 999, Vietnam)));
        Assert.Equal(Timeliness.Late, _evaluator.Evaluate(deadline, new DateTimeOffset(2024, 6, 1, 0, 0, 0, Vietnam)));
    }

    [Fact]
    public void WithinMonthDeadline_InDecember_EndsAtNewYear()
    {
        var deadline = Deadline.WithinMonth(2022, 12);

        Assert.Equal(new DateTimeOffset(2023, 1, 1, 0, 0, 0, Vietnam), _evaluator.Cutoff(deadline));
    }

    [Fact]
    public void Deadlines_AreDescribedWithDatesAsDayMonthYear()
    {
        Assert.Equal("trước ngày 01/05/2024", Deadline.Before(new DateOnly(2024, 5, 1)).Describe());
        Assert.Equal("chậm nhất ngày 15/01/2024", Deadline.By(new DateOnly(2024, 1, 15)).Describe());
        Assert.Equal("trong tháng 05/2024", Deadline.WithinMonth(2024, 5).Describe());
    }

    [Fact]
    public void VietnamTime_FormatsInstantsInVietnamTime()
    {
        var instant = new DateTimeOffset(2024, 3, 31, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal("01/04/2024", VietnamTime.FormatDate(instant));
        Assert.Equal("00:00:00 01/04/2024", VietnamTime.FormatDateTime(instant));
    }
}
