using Workflow.Domain.Plans;
using Workflow.Domain.Scheduling;

namespace Workflow.Domain.Tests.Scheduling;

public sealed class NextDeadlineTests
{
    private static readonly Plan Plan = PlanBuilder.Minimal() with
    {
        OperatorEmails = ["thuongtruc@congan.bacgiang.example"],
        Milestones = [new Milestone { Id = "hoi-nghi", Title = "Hội nghị tổng kết cấp tỉnh", Deadline = Deadline.Before(new DateOnly(2024, 7, 15)) }],
    };

    private static DateTimeOffset Vn(int month, int day, int hour = 0) => new(2024, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_units_deadline_reads_as_the_plan_words_it()
    {
        var next = NextDeadline.After(Plan, CycleSchedule.Groups(Plan, []), Vn(4, 1));

        Assert.Equal(new NextDeadline(Vn(5, 1), "trước ngày 01/05/2024"), next);
    }

    [Fact]
    public void Once_the_units_deadlines_are_past_a_milestone_is_next_and_names_itself()
    {
        var next = NextDeadline.After(Plan, CycleSchedule.Groups(Plan, []), Vn(5, 1));

        Assert.Equal(new NextDeadline(Vn(7, 15), "mốc công việc «Hội nghị tổng kết cấp tỉnh»: trước ngày 15/07/2024"), next);
        Assert.Null(NextDeadline.After(Plan, CycleSchedule.Groups(Plan, []), Vn(7, 15)));
    }

    [Fact]
    public void On_the_same_cutoff_the_units_deadline_comes_first()
    {
        var plan = Plan with { Milestones = [Plan.Milestones[0] with { Deadline = Deadline.Before(new DateOnly(2024, 5, 1)) }] };

        Assert.Equal("trước ngày 01/05/2024", NextDeadline.After(plan, CycleSchedule.Groups(plan, []), Vn(4, 1))!.Text);
    }
}
