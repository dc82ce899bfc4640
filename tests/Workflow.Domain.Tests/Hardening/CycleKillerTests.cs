using System.Text.Json;
using Workflow.Domain.Consolidation;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;
using Workflow.Domain.Scheduling;
using Workflow.Domain.Tests.Nominations;
using Workflow.Domain.Time;

namespace Workflow.Domain.Tests.Hardening;

/// <summary>
/// The three inputs that once failed a whole cycle at its close (issue 10): an extension to 0001-01-01, a nominee
/// record with "yearly": null, and integers of 5 × 10^28. Each root cause is refused by its rule and survived by the
/// arithmetic behind it.
/// </summary>
public sealed class CycleKillerTests
{
    private static readonly Plan Plan = PlanBuilder.Minimal();

    public static TheoryData<Deadline> ExtremeDeadlines => new()
    {
        Deadline.Before(DateOnly.MinValue),
        Deadline.By(DateOnly.MinValue),
        Deadline.Before(DateOnly.MaxValue),
        Deadline.By(DateOnly.MaxValue),
        Deadline.WithinMonth(1, 1),
        Deadline.WithinMonth(9999, 12),
    };

    [Theory]
    [MemberData(nameof(ExtremeDeadlines))]
    public void ExtensionToTheEndsOfTheCalendar_IsOutsideThePlan_AndTheScheduleStillBuilds(Deadline extreme)
    {
        Assert.NotNull(ExtensionRange.Problem(Plan, extreme));

        var changes = new[] { new DeadlineChange("bao-cao", extreme, ["bcd-yen-the"]) };
        var groups = CycleSchedule.Groups(Plan, changes);
        var steps = CycleSchedule.Steps(Plan, changes);

        Assert.Equal(2, groups.Count);
        // Only the unit left on the plan's deadline has points; none fall outside the plan.
        Assert.All(steps, s => Assert.InRange(s.Instant, VietnamTime.StartOfDay(Plan.IssuedOn, Plan.Zone()), Plan.ClosesAt()));
        Assert.All(steps.SelectMany(s => s.Points), p => Assert.Equal(["bcd-tan-yen"], p.Group.Units));
        var evaluator = new DeadlineEvaluator(Plan.Zone());
        foreach (var group in groups.Where(g => g.Deadline.FirstLateDay is not null))
        {
            _ = evaluator.LastAcceptedInstant(group.Deadline);
            _ = evaluator.Evaluate(group.Deadline, Plan.ClosesAt());
        }
    }

    [Fact]
    public void FirstDayOfTheCalendar_EastOfUtc_ClampsToTheFirstInstant()
    {
        Assert.Equal(DateTimeOffset.MinValue, VietnamTime.StartOfDay(DateOnly.MinValue, VietnamTime.Zone));
        Assert.Equal(DateTimeOffset.MinValue, DeadlineEvaluator.Vietnam.LastAcceptedInstant(Deadline.Before(DateOnly.MinValue)));
        Assert.Null(Deadline.By(DateOnly.MaxValue).FirstLateDay);
        Assert.Null(Deadline.WithinMonth(9999, 12).FirstLateDay);
    }

    [Theory]
    [InlineData(2024, 3, 11, true)]
    [InlineData(2024, 3, 12, false)]
    [InlineData(2024, 7, 31, false)]
    [InlineData(2024, 8, 1, false)]
    [InlineData(2024, 8, 2, true)]
    public void Extension_MustFallBetweenTheIssueDayAndTheClose(int year, int month, int day, bool refused)
    {
        // "Trước ngày D" is on time until D-1: before 12/03 is the issue day itself, before 01/08 the last open day.
        var problem = ExtensionRange.Problem(Plan, Deadline.Before(new DateOnly(year, month, day)));

        Assert.Equal(refused, problem is not null);
    }

    [Fact]
    public void NomineeRecordWithNullYearly_FailsTheYearlyCriterionWithAReason_InsteadOfThrowing()
    {
        var record = JsonSerializer.Deserialize<NomineeRecord>("""{"yearly": null, "flags": null, "numbers": null}""", JsonSerializerOptions.Web)!;
        Assert.Null(record.Yearly);
        var profile = BacGiangSample.Profile("tap-the-phong-cong-an-huyen");

        var result = new EligibilityEvaluator(BacGiangSample.Plan.Scales).Evaluate(profile, NomineeKind.Collective, record);

        Assert.False(result.Eligible);
        Assert.NotEmpty(result.Failures);
        Assert.All(result.Failures, f => Assert.Contains("chưa khai báo", f.Reason, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void NominationWithoutARecord_IsJudgedIneligible_NotAnError()
    {
        var nominee = BacGiangSample.Nominee("khong-ho-so", "bcd-yen-the", "bcd-yen-the", NomineeKind.Collective) with { Record = null! };

        var outcome = RoundEvaluator.Evaluate(BacGiangSample.Plan, BacGiangSample.DirectorRound, [new NominationDossier(nominee, [])]);

        var judged = Assert.Single(outcome.Nominees);
        Assert.False(judged.Eligibility.Eligible);
        Assert.Empty(outcome.Accepted);
    }

    [Fact]
    public void HugeInteger_IsOutsideTheFieldsDeclaredRange()
    {
        var deliverable = Deliverable(new FormField { Id = "so-vu", Label = "Số vụ", Type = FieldType.Integer });

        var errors = StatisticsValidator.Validate(deliverable, Stats(50_000_000_000_000_000_000_000_000_000m));

        var error = Assert.Single(errors);
        Assert.Equal("forms.bieu-01.so-vu", error.Field);
        Assert.Empty(StatisticsValidator.Validate(deliverable, Stats(FormField.Ceiling)));
        Assert.Single(StatisticsValidator.Validate(deliverable, Stats(FormField.Ceiling + 1)));
    }

    [Fact]
    public void DeclaredMax_LowersTheRange()
    {
        var deliverable = Deliverable(new FormField { Id = "so-vu", Label = "Số vụ", Type = FieldType.Integer, Max = 500 });

        Assert.Empty(StatisticsValidator.Validate(deliverable, Stats(500)));
        Assert.Single(StatisticsValidator.Validate(deliverable, Stats(501)));
    }

    [Fact]
    public void NullValuesInStatistics_AreRefusedNamingTheField()
    {
        var deliverable = Deliverable(new FormField { Id = "so-vu", Label = "Số vụ", Type = FieldType.Integer });
        var nullValue = JsonSerializer.Deserialize<ReportStatistics>("""{"forms": {"bieu-01": {"so-vu": null}}}""", StatisticsJson.Options)!;
        // A null where the form map is required is refused as it is read, naming its path; the validator still
        // refuses one that reaches it some other way (a stored document written before that rule).
        var nullForms = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReportStatistics>("""{"forms": null}""", StatisticsJson.Options));

        Assert.Equal("forms.bieu-01.so-vu", Assert.Single(StatisticsValidator.Validate(deliverable, nullValue)).Field);
        Assert.Equal("$.forms", nullForms.Path);
        Assert.Equal("forms", Assert.Single(StatisticsValidator.Validate(deliverable, new ReportStatistics { Forms = null! })).Field);
    }

    [Theory]
    [InlineData(FieldType.Integer, """{"number": 1, "flag": true, "text": "x"}""")]
    [InlineData(FieldType.Boolean, """{"flag": true, "text": "có"}""")]
    [InlineData(FieldType.Text, """{"number": 2, "text": "x"}""")]
    public void ValueOfSeveralKindsAtOnce_IsRefusedNamingTheField(FieldType type, string value)
    {
        var deliverable = Deliverable(new FormField { Id = "so-vu", Label = "Số vụ", Type = type });
        var statistics = JsonSerializer.Deserialize<ReportStatistics>("""{"forms": {"bieu-01": {"so-vu": """ + value + "}}}", StatisticsJson.Options)!;

        var error = Assert.Single(StatisticsValidator.Validate(deliverable, statistics));

        Assert.Equal("forms.bieu-01.so-vu", error.Field);
        Assert.Contains("một loại", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoStoredReportsOfFiveTimesTenToThe28_ConsolidateWithoutOverflow_CountingOnlyValuesInRange()
    {
        var deliverable = Deliverable(new FormField { Id = "so-vu", Label = "Số vụ", Type = FieldType.Integer });
        var plan = Plan with { Deliverables = [deliverable] };
        var huge = Stats(50_000_000_000_000_000_000_000_000_000m);
        var reports = new[]
        {
            new UnitReport("bcd-yen-the", ReportState.OnTime, DateTimeOffset.UnixEpoch, huge),
            new UnitReport("bcd-tan-yen", ReportState.OnTime, DateTimeOffset.UnixEpoch, huge),
        };

        var consolidation = Consolidator.Consolidate(plan, deliverable.Id, reports);

        Assert.Equal(0, consolidation.Province.Totals.Single().Value);
        Assert.Equal(2, consolidation.Province.OnTime);

        var fair = Consolidator.Consolidate(plan, deliverable.Id, [reports[0] with { Statistics = Stats(FormField.Ceiling) }, reports[1] with { Statistics = Stats(FormField.Ceiling) }]);
        Assert.Equal(2 * FormField.Ceiling, fair.Province.Totals.Single().Value);
    }

    private static Deliverable Deliverable(FormField field) => Plan.Deliverables[0] with
    {
        Forms = [new StatisticalForm { Id = "bieu-01", Title = "Biểu số liệu", Fields = [field] }],
    };

    private static ReportStatistics Stats(decimal number) => new()
    {
        Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
        {
            ["bieu-01"] = new Dictionary<string, FieldValue> { ["so-vu"] = FieldValue.Of(number) },
        },
    };
}
