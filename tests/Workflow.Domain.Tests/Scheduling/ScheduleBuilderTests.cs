using Workflow.Domain.Plans;
using Workflow.Domain.Scheduling;
using Workflow.Domain.Time;

namespace Workflow.Domain.Tests.Scheduling;

public sealed class ScheduleBuilderTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static readonly ReminderPolicy Policy = new()
    {
        DaysBefore = [1, 7, 3],
        SendAt = new TimeOnly(8, 0),
        Chase = new ChasePolicy { EveryDays = 2, MaxCount = 3 },
        EscalateAfterChases = 2,
    };

    [Fact]
    public void ReportBeforeFirstMay_RemindsOn24th28thAnd30thOfApril_AtEight()
    {
        var points = ScheduleBuilder.ForDeadline("bao-cao", Deadline.Before(new DateOnly(2024, 5, 1)), LatePolicy.AcceptAndMarkLate, Policy, VietnamTime.Zone);

        var reminders = points.Where(p => p.Kind == ScheduledPointKind.Reminder).ToList();
        Assert.Equal(
            [new DateTimeOffset(2024, 4, 24, 8, 0, 0, Vietnam), new DateTimeOffset(2024, 4, 28, 8, 0, 0, Vietnam), new DateTimeOffset(2024, 4, 30, 8, 0, 0, Vietnam)],
            reminders.Select(p => p.Instant));
        Assert.Equal(["bao-cao:reminder:7:20240424T0100Z", "bao-cao:reminder:3:20240428T0100Z", "bao-cao:reminder:1:20240430T0100Z"], reminders.Select(p => p.Key));
    }

    [Fact]
    public void ReportBeforeFirstMay_ChasesFromTheFirstOfMayEveryTwoDays_AndEscalatesTheThird()
    {
        var points = ScheduleBuilder.ForDeadline("bao-cao", Deadline.Before(new DateOnly(2024, 5, 1)), LatePolicy.AcceptAndMarkLate, Policy, VietnamTime.Zone);

        var deadline = Assert.Single(points, p => p.Kind == ScheduledPointKind.Deadline);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, Vietnam), deadline.Instant);
        var chases = points.Where(p => p.Kind is ScheduledPointKind.Chase or ScheduledPointKind.Escalation).ToList();
        Assert.Equal(
            [new DateTimeOffset(2024, 5, 1, 8, 0, 0, Vietnam), new DateTimeOffset(2024, 5, 3, 8, 0, 0, Vietnam), new DateTimeOffset(2024, 5, 5, 8, 0, 0, Vietnam)],
            chases.Select(p => p.Instant));
        Assert.Equal([ScheduledPointKind.Chase, ScheduledPointKind.Chase, ScheduledPointKind.Escalation], chases.Select(p => p.Kind));
        Assert.Equal(["bao-cao:chase:1:20240501T0100Z", "bao-cao:chase:2:20240503T0100Z", "bao-cao:chase:3:20240505T0100Z"], chases.Select(p => p.Key));
    }

    [Fact]
    public void RejectingDeadline_HasRemindersButNoChases()
    {
        var points = ScheduleBuilder.ForDeadline("giay-khen", Deadline.Before(new DateOnly(2024, 4, 1)), LatePolicy.Reject, Policy, VietnamTime.Zone);

        Assert.DoesNotContain(points, p => p.Kind is ScheduledPointKind.Chase or ScheduledPointKind.Escalation);
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 8, 0, 0, Vietnam), points.Single(p => p.Kind == ScheduledPointKind.Reminder && p.Sequence == 1).Instant);
        Assert.Equal(new DateTimeOffset(2024, 4, 1, 0, 0, 0, Vietnam), points.Single(p => p.Kind == ScheduledPointKind.Deadline).Instant);
    }

    [Fact]
    public void ByDeadline_LastReminderFallsOnTheNamedDay()
    {
        var points = ScheduleBuilder.ForDeadline("dang-ky", Deadline.By(new DateOnly(2024, 1, 15)), LatePolicy.AcceptAndMarkLate, Policy, VietnamTime.Zone);

        Assert.Equal(new DateTimeOffset(2024, 1, 15, 8, 0, 0, Vietnam), points.Single(p => p.Kind == ScheduledPointKind.Reminder && p.Sequence == 1).Instant);
        Assert.Equal(new DateTimeOffset(2024, 1, 16, 0, 0, 0, Vietnam), points.Single(p => p.Kind == ScheduledPointKind.Deadline).Instant);
    }

    [Fact]
    public void PlanSchedule_DropsPointsBeforeThePlanIsIssued_AndIsOrderedByInstant()
    {
        var plan = PlanBuilder.Minimal() with
        {
            IssuedOn = new DateOnly(2024, 4, 26),
            Reminders = Policy,
        };

        var points = ScheduleBuilder.Build(plan);

        Assert.DoesNotContain(points, p => p.Kind == ScheduledPointKind.Reminder && p.Sequence == 7);
        Assert.Contains(points, p => p.Kind == ScheduledPointKind.Reminder && p.Sequence == 3);
        Assert.Equal(points.OrderBy(p => p.Instant), points);
        Assert.All(points, p => Assert.Equal(TimeSpan.Zero, p.Instant.Offset));
    }
}
