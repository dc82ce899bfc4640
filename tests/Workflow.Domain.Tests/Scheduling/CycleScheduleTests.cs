using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Scheduling;
using Workflow.Domain.Time;

namespace Workflow.Domain.Tests.Scheduling;

public sealed class CycleScheduleTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly Deadline FirstMay = Deadline.Before(new DateOnly(2024, 5, 1));
    private static readonly Deadline EighthMay = Deadline.Before(new DateOnly(2024, 5, 8));
    private static readonly Deadline FifteenthMay = Deadline.Before(new DateOnly(2024, 5, 15));

    // Minimal(): "bao-cao" before 01/05/2024 for bcd-yen-the and bcd-tan-yen; reminders 7, 3, 1 days before at 08:00;
    // three chases every two days, the third escalated; issued 11/03/2024, closes after 31/07/2024.
    private static readonly Plan Plan = PlanBuilder.Minimal();

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2024, month, day, hour, 0, 0, Vietnam);

    [Fact]
    public void Groups_WithoutChanges_OneGroupPerSubject_UnitsInPlanOrder()
    {
        var group = Assert.Single(CycleSchedule.Groups(Plan, []));

        Assert.Equal("bao-cao", group.Subject);
        Assert.Equal(FirstMay, group.Deadline);
        Assert.Equal(LatePolicy.AcceptAndMarkLate, group.LatePolicy);
        Assert.Equal(["bcd-yen-the", "bcd-tan-yen"], group.Units);
    }

    [Fact]
    public void Groups_PerUnitExtension_SplitsTheSubjectByCutoff_AndALaterChangeForEveryoneRejoinsIt()
    {
        var extendOne = new DeadlineChange("bao-cao", EighthMay, ["bcd-yen-the"]);

        var split = CycleSchedule.Groups(Plan, [extendOne]);

        // Ordered by cutoff, not by the plan order of the groups' units.
        Assert.Collection(
            split,
            g => { Assert.Equal(FirstMay, g.Deadline); Assert.Equal(["bcd-tan-yen"], g.Units); },
            g => { Assert.Equal(EighthMay, g.Deadline); Assert.Equal(["bcd-yen-the"], g.Units); });

        var rejoined = CycleSchedule.Groups(Plan, [extendOne, new DeadlineChange("bao-cao", FifteenthMay, [])]);

        var group = Assert.Single(rejoined);
        Assert.Equal(FifteenthMay, group.Deadline);
        Assert.Equal(["bcd-yen-the", "bcd-tan-yen"], group.Units);
    }

    [Fact]
    public void Groups_LaterChangeOverridesEarlierOnlyForTheUnitsItNames()
    {
        var groups = CycleSchedule.Groups(Plan, [new DeadlineChange("bao-cao", FifteenthMay, []), new DeadlineChange("bao-cao", EighthMay, ["bcd-tan-yen"])]);

        Assert.Collection(
            groups,
            g => { Assert.Equal(EighthMay, g.Deadline); Assert.Equal(["bcd-tan-yen"], g.Units); },
            g => { Assert.Equal(FifteenthMay, g.Deadline); Assert.Equal(["bcd-yen-the"], g.Units); });
    }

    [Fact]
    public void Groups_UnitsOutsideTheScope_AndUnknownSubjects_ChangeNothing()
    {
        var plan = Plan with
        {
            Blocks = [.. Plan.Blocks, new Block("department", "Sở, ngành")],
            Units = [.. Plan.Units, new Unit { Id = "so-noi-vu", Name = "Sở Nội vụ", Block = "department" }],
        };

        var groups = CycleSchedule.Groups(plan, [new DeadlineChange("bao-cao", EighthMay, ["so-noi-vu", "khong-co"]), new DeadlineChange("khong-co", EighthMay, [])]);

        var group = Assert.Single(groups);
        Assert.Equal(FirstMay, group.Deadline);
        Assert.Equal(["bcd-yen-the", "bcd-tan-yen"], group.Units);
    }

    [Fact]
    public void Groups_FollowSubjectOrder_DeliverablesThenProposingRounds()
    {
        var plan = WithRound(Plan, FirstMay);

        Assert.Equal(["bao-cao", "giay-khen"], CycleSchedule.Groups(plan, []).Select(g => g.Subject));
        Assert.Equal(LatePolicy.Reject, CycleSchedule.Groups(plan, [])[1].LatePolicy);
    }

    [Fact]
    public void Steps_WithoutChanges_PinTheInstants_InUtc()
    {
        var steps = CycleSchedule.Steps(Plan, []);

        Assert.Equal(
            [At(4, 24, 8), At(4, 28, 8), At(4, 30, 8), At(5, 1), At(5, 1, 8), At(5, 3, 8), At(5, 5, 8)],
            steps.Select(s => s.Instant));
        Assert.All(steps, s => Assert.Equal(TimeSpan.Zero, s.Instant.Offset));
        Assert.Equal(
            [ScheduledPointKind.Reminder, ScheduledPointKind.Reminder, ScheduledPointKind.Reminder, ScheduledPointKind.Deadline, ScheduledPointKind.Chase, ScheduledPointKind.Chase, ScheduledPointKind.Escalation],
            steps.Select(s => Assert.Single(s.Points).Point.Kind));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, Vietnam), DeadlineEvaluator.Vietnam.Cutoff(FirstMay));
    }

    [Fact]
    public void Steps_MergeEqualInstantsOfTwoSubjects_InSubjectOrder()
    {
        var plan = WithRound(Plan, FirstMay);

        var steps = CycleSchedule.Steps(plan, []);

        var reminder = steps.Single(s => s.Instant == At(4, 24, 8));
        Assert.Equal(["bao-cao:reminder:7:20240424T0100Z", "giay-khen:reminder:7:20240424T0100Z"], reminder.Points.Select(p => p.Point.Key));
        var deadline = steps.Single(s => s.Instant == At(5, 1));
        Assert.Equal(["bao-cao", "giay-khen"], deadline.Points.Select(p => p.Group.Subject));
        Assert.All(deadline.Points, p => Assert.Equal(ScheduledPointKind.Deadline, p.Point.Kind));
        Assert.Equal(steps.Select(s => s.Instant).Distinct(), steps.Select(s => s.Instant));
        Assert.Equal(steps.OrderBy(s => s.Instant), steps);
    }

    [Fact]
    public void Steps_RejectingSubject_HasRemindersAndItsDeadlineButNoChases()
    {
        var plan = WithRound(Plan with { Deliverables = [] }, FirstMay);

        var steps = CycleSchedule.Steps(plan, []);

        Assert.Equal([At(4, 24, 8), At(4, 28, 8), At(4, 30, 8), At(5, 1)], steps.Select(s => s.Instant));
        Assert.Equal(
            [ScheduledPointKind.Reminder, ScheduledPointKind.Reminder, ScheduledPointKind.Reminder, ScheduledPointKind.Deadline],
            steps.Select(s => Assert.Single(s.Points).Point.Kind));
    }

    [Fact]
    public void Steps_ExcludePointsBeforeTheIssueDay_AndAtOrAfterClose()
    {
        // Issued 26/04: the 7-day reminder (24/04) is gone. Closing after 02/05 puts close at 03/05 00:00,
        // where the second chase now falls (sent at midnight), so it is gone too.
        var plan = Plan with
        {
            IssuedOn = new DateOnly(2024, 4, 26),
            ClosesOn = new DateOnly(2024, 5, 2),
            Reminders = Plan.Reminders with { SendAt = TimeOnly.MinValue },
        };

        var steps = CycleSchedule.Steps(plan, []);

        Assert.Equal([At(4, 28), At(4, 30), At(5, 1)], steps.Select(s => s.Instant));
        Assert.Equal(At(5, 3), plan.ClosesAt());

        // The deadline and the first chase share midnight of 01/05: deadline first, by kind.
        Assert.Equal([ScheduledPointKind.Deadline, ScheduledPointKind.Chase], steps[^1].Points.Select(p => p.Point.Kind));
    }

    [Fact]
    public void Steps_IssueDayStartItselfIsKept()
    {
        var plan = Plan with { IssuedOn = new DateOnly(2024, 4, 24), Reminders = Plan.Reminders with { SendAt = TimeOnly.MinValue } };

        Assert.Equal(At(4, 24), CycleSchedule.Steps(plan, [])[0].Instant);
    }

    [Fact]
    public void Steps_ExtensionForOneUnit_KeepsTheOtherGroupsKeys_AndGivesTheExtendedGroupNewOnes()
    {
        var before = CycleSchedule.Steps(Plan, []).SelectMany(s => s.Points).Select(p => p.Point.Key).ToHashSet();

        var after = CycleSchedule.Steps(Plan, [new DeadlineChange("bao-cao", EighthMay, ["bcd-tan-yen"])]).SelectMany(s => s.Points).ToList();

        var stayed = after.Where(p => p.Group.Units.Contains("bcd-yen-the")).Select(p => p.Point.Key).ToHashSet();
        var extended = after.Where(p => p.Group.Units.Contains("bcd-tan-yen")).Select(p => p.Point.Key).ToList();
        Assert.Equal(before, stayed);
        Assert.DoesNotContain(extended, before.Contains);
        Assert.Equal(
            ["bao-cao:reminder:7:20240501T0100Z", "bao-cao:reminder:3:20240505T0100Z", "bao-cao:reminder:1:20240507T0100Z", "bao-cao:deadline:20240507T1700Z", "bao-cao:chase:1:20240508T0100Z", "bao-cao:chase:2:20240510T0100Z", "bao-cao:chase:3:20240512T0100Z"],
            extended);
    }

    [Fact]
    public void Steps_WithinAStep_OrderBySubjectThenKindThenCutoff()
    {
        var plan = WithRound(Plan, EighthMay);

        // 01/05 08:00: bao-cao's first chase for bcd-yen-the, the 7-day reminder of bao-cao extended to 08/05 for
        // bcd-tan-yen, and giay-khen's 7-day reminder.
        var step = CycleSchedule.Steps(plan, [new DeadlineChange("bao-cao", EighthMay, ["bcd-tan-yen"])]).Single(s => s.Instant == At(5, 1, 8));

        Assert.Equal(
            [("bao-cao", ScheduledPointKind.Reminder, "bcd-tan-yen"), ("bao-cao", ScheduledPointKind.Chase, "bcd-yen-the"), ("giay-khen", ScheduledPointKind.Reminder, "bcd-yen-the")],
            step.Points.Select(p => (p.Group.Subject, p.Point.Kind, p.Group.Units[0])));
    }

    [Fact]
    public void Steps_TwoGroupsOfOneSubjectAtOneInstant_OrderByCutoff()
    {
        // A 3-day reminder of the group extended to 04/05 and the 7-day one of the group extended to 08/05 fall on 01/05 08:00.
        var steps = CycleSchedule.Steps(
            Plan with { Reminders = Plan.Reminders with { Chase = new ChasePolicy() } },
            [new DeadlineChange("bao-cao", EighthMay, ["bcd-yen-the"]), new DeadlineChange("bao-cao", Deadline.Before(new DateOnly(2024, 5, 4)), ["bcd-tan-yen"])]);

        var step = steps.Single(s => s.Instant == At(5, 1, 8));
        Assert.Equal([("bcd-tan-yen", 3), ("bcd-yen-the", 7)], step.Points.Select(p => (p.Group.Units[0], p.Point.Sequence)));
    }

    [Fact]
    public void After_ReturnsTheStepsStrictlyAfterTheInstant()
    {
        var steps = CycleSchedule.Steps(Plan, []);

        Assert.Equal([At(5, 1, 8), At(5, 3, 8), At(5, 5, 8)], CycleSchedule.After(steps, At(5, 1)).Select(s => s.Instant));
        Assert.Equal(steps, CycleSchedule.After(steps, At(4, 24, 8).AddTicks(-1)));
        Assert.Empty(CycleSchedule.After(steps, At(5, 5, 8)));
    }

    private static Plan WithRound(Plan plan, Deadline deadline) => plan with
    {
        NominationRounds =
        [
            new NominationRound
            {
                Id = "giay-khen",
                AwardLevel = AwardLevel.DistrictChairCertificate,
                Title = "Giấy khen",
                Proposers = new UnitScope { Blocks = ["district-committee"] },
                Deadline = deadline,
            },

            // The province picks in this round from lower proposals: units do not hand anything in.
            new NominationRound { Id = "bang-khen", AwardLevel = AwardLevel.ProvinceChairCertificate, Title = "Bằng khen", PickedFrom = "giay-khen", Deadline = deadline },
        ],
    };
}
