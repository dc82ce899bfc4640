using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;

namespace Workflow.Domain.Tests.Plans;

/// <summary>Last year's campaign, one click away: the plan copied under a new id with every date moved.</summary>
public sealed class PlanCopyTests
{
    private static readonly Plan BacGiang =
        PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;

    [Fact]
    public void Bac_giang_shifted_one_year_has_every_date_a_year_later_validates_and_keeps_its_units()
    {
        var result = PlanCopy.Shift(BacGiang, "bac-giang-2025", years: 1);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var copy = result.Plan!;
        Assert.Equal("bac-giang-2025", copy.Id);
        Assert.Equal(new DateOnly(2025, 3, 11), copy.IssuedOn);
        Assert.Equal(new DatePeriod(new DateOnly(2015, 8, 15), new DateOnly(2025, 6, 15)), copy.DataPeriod);
        Assert.Equal(new DateOnly(2025, 7, 31), copy.ClosesOn);
        Assert.Equal(Deadline.Before(new DateOnly(2025, 5, 1)), copy.Deliverables.Single(d => d.Id == "bao-cao-tong-ket").Deadline);
        Assert.Equal(Deadline.WithinMonth(2025, 5), copy.Deliverables.Single(d => d.Id == "tong-ket-cap-huyen").Deadline);
        Assert.Equal(Deadline.Before(new DateOnly(2025, 4, 1)), copy.NominationRounds.Single(r => r.Id == "giay-khen-giam-doc").Deadline);
        Assert.Null(copy.NominationRounds.Single(r => r.Id == "bang-khen-bo-truong").Deadline);
        Assert.Equal(Deadline.WithinMonth(2025, 6), copy.Milestones.Single().Deadline);
        Assert.Equal(BacGiang.Units.Count, copy.Units.Count);
        Assert.Equal(BacGiang.AllUnits().Count(), copy.AllUnits().Count());
        Assert.Equal(BacGiang.Reminders, copy.Reminders);
        Assert.Equal(BacGiang.Deliverables.Select(d => d.Forms.Count), copy.Deliverables.Select(d => d.Forms.Count));
        Assert.Equal(BacGiang.NominationRounds.Select(r => r.Quotas.Count), copy.NominationRounds.Select(r => r.Quotas.Count));
        Assert.Empty(PlanValidator.Validate(copy));
    }

    [Fact]
    public void Criteria_years_move_by_whole_years_also_inside_any_of()
    {
        var copy = PlanCopy.Shift(BacGiang, "bac-giang-2025", years: 1).Plan!;

        var before = YearlyRules(BacGiang);
        var after = YearlyRules(copy);
        Assert.Equal(before.Count, after.Count);
        Assert.Contains((2019, 2023), before);
        Assert.Equal(before.Select(r => (r.From + 1, r.To + 1)), after);
        Assert.Contains((2020, 2024), after);
    }

    [Fact]
    public void A_day_offset_moves_dates_but_leaves_criteria_years()
    {
        var result = PlanCopy.Shift(BacGiang, "bac-giang-som", days: -10);

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Equal(new DateOnly(2024, 3, 1), result.Plan!.IssuedOn);
        Assert.Equal(Deadline.Before(new DateOnly(2024, 4, 21)), result.Plan.Deliverables[0].Deadline);
        // The within-month deadline becomes the month its last day (31/05) falls in after ten days back.
        Assert.Equal(Deadline.WithinMonth(2024, 5), result.Plan.Deliverables.Single(d => d.Id == "tong-ket-cap-huyen").Deadline);
        Assert.Equal(YearlyRules(BacGiang), YearlyRules(result.Plan));
    }

    [Theory]
    [InlineData("", 1, 0, "newId")]
    [InlineData("có dấu", 1, 0, "newId")]
    [InlineData("bac-giang-2024-chi-thi-07", 1, 0, "newId")]
    [InlineData("moi", 101, 0, "years")]
    [InlineData("moi", 0, -4000, "days")]
    public void A_bad_id_or_offset_is_refused_naming_the_field(string newId, int years, int days, string field)
    {
        var result = PlanCopy.Shift(BacGiang, newId, years, days);

        Assert.False(result.Ok);
        Assert.Null(result.Plan);
        Assert.Equal(field, Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void A_29_february_moved_a_year_lands_on_the_28th()
    {
        var plan = PlanBuilder.Minimal() with { IssuedOn = new DateOnly(2024, 2, 29) };

        var copy = PlanCopy.Shift(plan, "thu-nghiem-2025", years: 1).Plan!;

        Assert.Equal(new DateOnly(2025, 2, 28), copy.IssuedOn);
    }

    private static List<(int From, int To)> YearlyRules(Plan plan) =>
        [.. plan.NominationRounds.SelectMany(r => r.Eligibility).SelectMany(p => p.Rules).SelectMany(Flatten).Select(y => (y.FromYear, y.ToYear))];

    private static IEnumerable<YearlyLevelRule> Flatten(EligibilityRule rule) => rule switch
    {
        YearlyLevelRule yearly => [yearly],
        AnyOfRule any => any.Alternatives.SelectMany(Flatten),
        _ => [],
    };
}
