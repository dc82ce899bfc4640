using Workflow.Domain.Consolidation;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Domain.Tests.Consolidation;

/// <summary>A form scoped to one block is summed over that block's units only, and no other block shows totals for it.</summary>
public sealed class ScopedFormConsolidationTests
{
    private static readonly StatisticalForm Common = new()
    {
        Id = "bieu-01",
        Title = "Biểu 01",
        Fields = [new FormField { Id = "so-vu", Label = "Số vụ", Type = FieldType.Integer, Unit = "vụ" }],
    };

    private static readonly StatisticalForm CommuneOnly = new()
    {
        Id = "bieu-xa",
        Title = "Biểu cấp xã",
        AppliesTo = new UnitScope { Blocks = ["commune"] },
        Fields =
        [
            new FormField { Id = "to-an-ninh", Label = "Số tổ an ninh nhân dân", Type = FieldType.Integer, Unit = "tổ" },
            new FormField { Id = "dat-chuan", Label = "Đạt chuẩn An toàn về ANTT", Type = FieldType.Boolean },
        ],
    };

    private static readonly StatisticalForm FileOnly = new() { Id = "phu-luc", Title = "Phụ lục" };

    private static Plan Plan()
    {
        var plan = PlanBuilder.Minimal();
        return plan with
        {
            Blocks = [.. plan.Blocks, new Block("commune", "Ban Chỉ đạo cấp xã")],
            Units =
            [
                .. plan.Units,
                new Unit { Id = "xa-tan-an", Name = "Ban Chỉ đạo xã Tân An", Block = "commune", Emails = ["bcd@tanan.example"] },
                new Unit { Id = "xa-dong-son", Name = "Ban Chỉ đạo xã Đồng Sơn", Block = "commune", Emails = ["bcd@dongson.example"] },
                new Unit { Id = "xa-lam-cot", Name = "Ban Chỉ đạo xã Lam Cốt", Block = "commune", Emails = ["bcd@lamcot.example"] },
            ],
            Deliverables = [plan.Deliverables[0] with { AppliesTo = new UnitScope { Blocks = ["district-committee", "commune"] }, Forms = [Common, CommuneOnly, FileOnly] }],
        };
    }

    private static ReportStatistics Stats(int incidents, int? groups = null) => new()
    {
        Forms = groups is { } g
            ? new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
            {
                ["bieu-01"] = new Dictionary<string, FieldValue> { ["so-vu"] = FieldValue.Of(incidents) },
                ["bieu-xa"] = new Dictionary<string, FieldValue> { ["to-an-ninh"] = FieldValue.Of(g), ["dat-chuan"] = FieldValue.Of(true) },
            }
            : new Dictionary<string, IReadOnlyDictionary<string, FieldValue>> { ["bieu-01"] = new Dictionary<string, FieldValue> { ["so-vu"] = FieldValue.Of(incidents) } },
    };

    [Fact]
    public void AScopedForm_HasTotalsOnlyForBlocksInItsScope_AndTheProvinceSaysHowManyUnitsItAppliesTo()
    {
        var reports = new[]
        {
            new UnitReport("bcd-yen-the", ReportState.OnTime, DateTimeOffset.Parse("2024-04-20T03:00:00Z"), Stats(3)),
            new UnitReport("xa-tan-an", ReportState.OnTime, DateTimeOffset.Parse("2024-04-21T03:00:00Z"), Stats(1, groups: 12)),
            new UnitReport("xa-dong-son", ReportState.Late, DateTimeOffset.Parse("2024-05-02T03:00:00Z"), Stats(2, groups: 8)),
        };

        var result = Consolidator.Consolidate(Plan(), "bao-cao", reports);

        var districts = result.Blocks.Single(b => b.BlockId == "district-committee");
        Assert.Equal(["so-vu"], districts.Totals.Select(t => t.Field));
        Assert.Equal(3, districts.Totals.Single().Value);
        Assert.Equal(0, districts.Coverage.Single(c => c.Form == "bieu-xa").Units);

        var communes = result.Blocks.Single(b => b.BlockId == "commune");
        Assert.Equal(3, communes.Totals.Single(t => t.Field == "so-vu").Value);
        Assert.Equal(20, communes.Totals.Single(t => t.Field == "to-an-ninh").Value);
        Assert.Equal(2, communes.Totals.Single(t => t.Field == "dat-chuan").Value);
        Assert.Equal(3, communes.Coverage.Single(c => c.Form == "bieu-xa").Units);

        Assert.Equal(20, result.Province.Totals.Single(t => t.Field == "to-an-ninh").Value);
        Assert.Equal(6, result.Province.Totals.Single(t => t.Field == "so-vu").Value);
        Assert.Equal((5, 3, 5), (result.Province.Expected, result.Province.Coverage.Single(c => c.Form == "bieu-xa").Units, result.Province.Coverage.Single(c => c.Form == "bieu-01").Units));
        // A file-only form has nothing to sum, but still says whom it applies to.
        Assert.DoesNotContain(result.Province.Totals, t => t.Form == "phu-luc");
        Assert.Equal(5, result.Province.Coverage.Single(c => c.Form == "phu-luc").Units);
    }

    [Fact]
    public void AValueStoredForAUnitOutOfTheFormsScope_IsNotCounted()
    {
        var reports = new[] { new UnitReport("bcd-yen-the", ReportState.OnTime, DateTimeOffset.Parse("2024-04-20T03:00:00Z"), Stats(3, groups: 99)) };

        var result = Consolidator.Consolidate(Plan(), "bao-cao", reports);

        Assert.Equal(0, result.Province.Totals.Single(t => t.Field == "to-an-ninh").Value);
        Assert.DoesNotContain(result.Blocks.Single(b => b.BlockId == "district-committee").Totals, t => t.Form == "bieu-xa");
    }
}
