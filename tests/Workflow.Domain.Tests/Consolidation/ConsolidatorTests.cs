using Workflow.Domain.Consolidation;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Domain.Tests.Consolidation;

public sealed class ConsolidatorTests
{
    private static readonly StatisticalForm Form = new()
    {
        Id = "bieu-01",
        Title = "Biểu số liệu",
        Fields =
        [
            new FormField { Id = "so-vu-chay", Label = "Số vụ cháy, nổ", Type = FieldType.Integer, Unit = "vụ" },
            new FormField { Id = "an-toan", Label = "Đạt tiêu chuẩn An toàn về ANTT", Type = FieldType.Boolean },
            new FormField { Id = "so-xa-dat", Label = "Số xã đạt An toàn về ANTT", Type = FieldType.Integer, Unit = "xã" },
            new FormField { Id = "tong-so-xa", Label = "Tổng số xã", Type = FieldType.Integer, Unit = "xã" },
            new FormField { Id = "ghi-chu", Label = "Ghi chú", Type = FieldType.Text },
        ],
    };

    private static Plan PlanWithForms()
    {
        var plan = PlanBuilder.Minimal();
        var units = plan.Units.Append(new Unit { Id = "so-tu-phap", Name = "Sở Tư pháp", Block = "department", Emails = ["vp@sotuphap.bacgiang.example"] }).ToList();
        return plan with
        {
            Blocks = [.. plan.Blocks, new Block("department", "Sở, ban, ngành")],
            Units = units,
            Deliverables = [plan.Deliverables[0] with { AppliesTo = new UnitScope { Blocks = ["district-committee", "department"] }, Forms = [Form] }],
            Targets =
            [
                new Target { Id = "an-toan", Description = "Trên 80% đơn vị đạt An toàn về ANTT", Deliverable = "bao-cao", Form = "bieu-01", Field = "an-toan", AppliesTo = new UnitScope { Blocks = ["district-committee", "department"] }, MinPercent = 80, Exclusive = true },
                new Target { Id = "xa-dat", Description = "Từ 90% xã đạt An toàn về ANTT", Deliverable = "bao-cao", Form = "bieu-01", Field = "so-xa-dat", TotalField = "tong-so-xa", AppliesTo = new UnitScope { Blocks = ["district-committee"] }, MinPercent = 90 },
            ],
        };
    }

    private static ReportStatistics Stats(int fires, bool safe, int communesSafe, int communes) => new()
    {
        Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
        {
            ["bieu-01"] = new Dictionary<string, FieldValue>
            {
                ["so-vu-chay"] = FieldValue.Of(fires),
                ["an-toan"] = FieldValue.Of(safe),
                ["so-xa-dat"] = FieldValue.Of(communesSafe),
                ["tong-so-xa"] = FieldValue.Of(communes),
                ["ghi-chu"] = FieldValue.Of("—"),
            },
        },
    };

    [Fact]
    public void Consolidation_SumsByBlockAndProvince_AndCountsMissingUnitsWithoutRows()
    {
        var reports = new[]
        {
            new UnitReport("bcd-yen-the", ReportState.OnTime, DateTimeOffset.Parse("2024-04-20T03:00:00Z"), Stats(3, true, 19, 21)),
            new UnitReport("bcd-tan-yen", ReportState.Late, DateTimeOffset.Parse("2024-05-02T03:00:00Z"), Stats(4, false, 20, 24)),
        };

        var result = Consolidator.Consolidate(PlanWithForms(), "bao-cao", reports);

        var districts = Assert.Single(result.Blocks, b => b.BlockId == "district-committee");
        Assert.Equal((2, 1, 1, 0), (districts.Expected, districts.OnTime, districts.Late, districts.Missing));
        Assert.Equal(7, districts.Totals.Single(t => t.Field == "so-vu-chay").Value);
        Assert.Equal(1, districts.Totals.Single(t => t.Field == "an-toan").Value);
        Assert.DoesNotContain(districts.Totals, t => t.Field == "ghi-chu");
        Assert.Equal((3, 1, 1, 1), (result.Province.Expected, result.Province.OnTime, result.Province.Late, result.Province.Missing));
        Assert.Equal(["bcd-tan-yen"], result.LateUnits);
        Assert.Equal(["so-tu-phap"], result.MissingUnits);
    }

    [Fact]
    public void Targets_NameTheUnitsThatFellShort_AndWhy()
    {
        var reports = new[]
        {
            new UnitReport("bcd-yen-the", ReportState.OnTime, null, Stats(0, true, 18, 21)),
            new UnitReport("bcd-tan-yen", ReportState.OnTime, null, Stats(0, false, 22, 24)),
            new UnitReport("so-tu-phap", ReportState.OnTime, null, Stats(0, true, 0, 0)),
        };

        var result = Consolidator.Consolidate(PlanWithForms(), "bao-cao", reports);

        var safe = result.Targets.Single(t => t.TargetId == "an-toan");
        Assert.Equal(66.67m, safe.AchievedPercent);
        Assert.False(safe.Met);
        var shortfall = Assert.Single(safe.Shortfalls);
        Assert.Equal("bcd-tan-yen", shortfall.UnitId);
        Assert.Contains("An toàn về ANTT", shortfall.Reason, StringComparison.Ordinal);

        var communes = result.Targets.Single(t => t.TargetId == "xa-dat");
        Assert.Equal(88.89m, communes.AchievedPercent);
        Assert.False(communes.Met);
        var yenThe = Assert.Single(communes.Shortfalls);
        Assert.Equal("bcd-yen-the", yenThe.UnitId);
        Assert.Contains("85,71% (18/21)", yenThe.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ExclusiveTarget_IsNotMetAtExactlyTheThreshold()
    {
        var plan = PlanWithForms();
        var reports = plan.Units.Select((u, i) => new UnitReport(u.Id, ReportState.OnTime, null, Stats(0, true, 1, 1))).ToList();
        plan = plan with { Targets = [plan.Targets[0] with { MinPercent = 100 }] };

        var exclusive = Consolidator.Consolidate(plan, "bao-cao", reports).Targets.Single();
        var inclusive = Consolidator.Consolidate(plan with { Targets = [plan.Targets[0] with { Exclusive = false }] }, "bao-cao", reports).Targets.Single();

        Assert.False(exclusive.Met);
        Assert.True(inclusive.Met);
    }

    [Fact]
    public void Statistics_AreCheckedAgainstTheForm_NamingEachBadField()
    {
        var deliverable = PlanWithForms().Deliverables[0];
        var statistics = new ReportStatistics
        {
            Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
            {
                ["bieu-01"] = new Dictionary<string, FieldValue>
                {
                    ["so-vu-chay"] = FieldValue.Of(2.5m),
                    ["an-toan"] = FieldValue.Of(3),
                    ["so-xa-dat"] = FieldValue.Of(1),
                    ["ghi-chu"] = FieldValue.Of(" "),
                    ["la"] = FieldValue.Of(1),
                },
            },
        };

        var errors = StatisticsValidator.Validate(deliverable, statistics);

        Assert.Equal(
            ["forms.bieu-01.la", "forms.bieu-01.so-vu-chay", "forms.bieu-01.an-toan", "forms.bieu-01.tong-so-xa", "forms.bieu-01.ghi-chu"],
            errors.Select(e => e.Field));
        Assert.Contains("Số vụ cháy, nổ", errors[1].Message, StringComparison.Ordinal);
    }
}
