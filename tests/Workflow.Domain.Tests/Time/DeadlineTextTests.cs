using Workflow.Domain.Plans;
using Workflow.Domain.Time;
using Workflow.Domain.Validation;

namespace Workflow.Domain.Tests.Time;

/// <summary>The last second still on time, as the plan editor shows it beside a deadline, and zones a plan cannot name.</summary>
public sealed class DeadlineTextTests
{
    private static readonly DateTimeOffset LastSecondOfApril = new(2024, 4, 30, 16, 59, 59, TimeSpan.Zero);

    public static TheoryData<Deadline> EndOfApril => new()
    {
        Deadline.Before(new DateOnly(2024, 5, 1)),
        Deadline.By(new DateOnly(2024, 4, 30)),
        Deadline.WithinMonth(2024, 4),
    };

    [Theory]
    [MemberData(nameof(EndOfApril))]
    public void Before_by_and_within_month_ending_with_April_are_received_until_23_59_59_on_the_30th(Deadline deadline)
    {
        Assert.Equal(LastSecondOfApril, DeadlineEvaluator.Vietnam.LastAcceptedSecond(deadline));
        Assert.Equal("nhận đến 23:59:59 30/04/2024", DeadlineText.Receiving(deadline, VietnamTime.Zone));
        Assert.Equal("đến hết 23:59:59 30/04/2024", DeadlineText.Until(deadline, VietnamTime.Zone));
    }

    [Fact]
    public void The_last_accepted_second_is_one_second_before_the_cutoff_which_is_late()
    {
        var deadline = Deadline.Before(new DateOnly(2024, 5, 1));
        var last = DeadlineEvaluator.Vietnam.LastAcceptedSecond(deadline)!.Value;

        Assert.Equal(TimeSpan.Zero, last.Offset);
        Assert.Equal(Timeliness.OnTime, DeadlineEvaluator.Vietnam.Evaluate(deadline, last));
        Assert.Equal(Timeliness.Late, DeadlineEvaluator.Vietnam.Evaluate(deadline, last.AddSeconds(1)));
    }

    [Fact]
    public void Malformed_deadlines_and_days_off_the_calendar_have_no_last_second()
    {
        Deadline[] none =
        [
            new() { Semantics = DeadlineSemantics.Before },
            new() { Semantics = DeadlineSemantics.WithinMonth, Month = "2024-13" },
            Deadline.Before(DateOnly.MinValue),
            Deadline.By(DateOnly.MaxValue),
            Deadline.WithinMonth(9999, 12),
        ];

        Assert.All(none, d => Assert.Null(DeadlineEvaluator.Vietnam.LastAcceptedSecond(d)));
        Assert.All(none, d => Assert.Null(DeadlineText.Receiving(d, VietnamTime.Zone)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("America")]
    [InlineData("leapseconds")]
    [InlineData("zone.tab")]
    [InlineData("../../../etc/passwd")]
    [InlineData("Không/Có")]
    public void An_id_that_names_a_folder_or_a_file_that_is_not_a_zone_names_no_zone_and_validation_says_so(string id)
    {
        Assert.Null(VietnamTime.Resolve(id));
        var errors = PlanValidator.Validate(PlanBuilder.Minimal() with { TimeZone = id });
        Assert.Equal("$.timeZone", Assert.Single(errors).Path);
    }

    [Fact]
    public void A_deadline_whose_next_day_is_off_the_calendar_is_an_error_not_an_exception()
    {
        var plan = PlanBuilder.Minimal();
        foreach (var deadline in new[] { Deadline.By(DateOnly.MaxValue), Deadline.WithinMonth(9999, 12) })
        {
            var errors = PlanValidator.Validate(plan with { Deliverables = [plan.Deliverables[0] with { Deadline = deadline }] });

            Assert.Equal("$.deliverables[0].deadline", Assert.Single(errors).Path);
        }
    }
}
