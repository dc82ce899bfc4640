using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Scheduling;

namespace Workflow.Domain.Tests.Scheduling;

public sealed class PlanFeatureScheduleTests
{
    private static readonly Plan Plan = PlanBuilder.Minimal();

    private static NominationRound Round(Deadline? deadline, bool optional = true) => new()
    {
        Id = "khen-thuong",
        AwardLevel = AwardLevel.PoliceDirectorCertificate,
        Title = "Giấy khen của Giám đốc Công an tỉnh",
        Proposers = new UnitScope { Blocks = ["district-committee"] },
        Deadline = deadline,
        LatePolicy = LatePolicy.AcceptAndMarkLate,
        Optional = optional,
    };

    [Fact]
    public void An_optional_deliverable_is_reminded_but_never_chased()
    {
        var optional = Plan with { Deliverables = [Plan.Deliverables[0] with { Optional = true }] };

        var kinds = CycleSchedule.Steps(optional, []).SelectMany(s => s.Points).Select(p => p.Point.Kind).ToList();

        Assert.Equal([ScheduledPointKind.Reminder, ScheduledPointKind.Reminder, ScheduledPointKind.Reminder, ScheduledPointKind.Deadline], kinds);
        Assert.True(Assert.Single(CycleSchedule.Groups(optional, [])).Optional);
        Assert.DoesNotContain(ScheduleBuilder.Build(optional), p => p.Kind is ScheduledPointKind.Chase or ScheduledPointKind.Escalation);
        Assert.Contains(ScheduleBuilder.Build(Plan), p => p.Kind == ScheduledPointKind.Chase);
    }

    [Fact]
    public void An_undated_round_has_no_points_until_an_operator_dates_it()
    {
        var plan = Plan with { NominationRounds = [Round(deadline: null)] };

        Assert.Equal(["bao-cao"], CycleSchedule.Groups(plan, []).Select(g => g.Subject).Distinct());
        Assert.Equal("khen-thuong", Assert.Single(plan.UndatedRounds()).Id);

        var dated = new DeadlineChange("khen-thuong", Deadline.Before(new DateOnly(2024, 6, 1)), []);
        var group = Assert.Single(CycleSchedule.Groups(plan, [dated]), g => g.Subject == "khen-thuong");
        Assert.Equal(["bcd-yen-the", "bcd-tan-yen"], group.Units);
        Assert.Equal(dated.NewDeadline, group.Deadline);
        var points = CycleSchedule.Steps(plan, [dated]).SelectMany(s => s.Points).Where(p => p.Group.Subject == "khen-thuong").Select(p => p.Point).ToList();
        Assert.Equal(4, points.Count);
        Assert.Equal(new DateTimeOffset(2024, 5, 25, 8, 0, 0, TimeSpan.FromHours(7)), points[0].Instant);
        Assert.Equal("khen-thuong", plan.WithRoundDeadline("khen-thuong", dated.NewDeadline).Subjects().Last().Id);
    }

    [Fact]
    public void A_milestone_reminds_the_operators_before_its_day_and_has_no_units()
    {
        var plan = Plan with
        {
            OperatorEmails = ["thuongtruc@congan.bacgiang.example"],
            Milestones = [new Milestone { Id = "hoi-nghi", Title = "Hội nghị tổng kết cấp tỉnh", Deadline = Deadline.Before(new DateOnly(2024, 7, 15)) }],
        };

        var group = Assert.Single(CycleSchedule.Groups(plan, []), g => g.Subject == "hoi-nghi");
        Assert.True(group.IsMilestone);
        Assert.Empty(group.Units);
        var points = CycleSchedule.Steps(plan, []).SelectMany(s => s.Points).Where(p => p.Group.IsMilestone).Select(p => p.Point).ToList();
        Assert.Equal([7, 3, 1, 0], points.Select(p => p.Sequence));
        Assert.Equal(ScheduledPointKind.Deadline, points[^1].Kind);
        Assert.Equal("Hội nghị tổng kết cấp tỉnh", plan.SubjectTitle("hoi-nghi"));
    }
}
