using Workflow.Domain.Consolidation;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Domain.Tests.Consolidation;

/// <summary>Table fields are listed, not summed: every row of every unit that reported, grouped by the form's column.</summary>
public sealed class TableConsolidationTests
{
    private static FormField Table(string? groupBy) => new()
    {
        Id = "chua-dat",
        Label = "Đơn vị chưa đạt danh hiệu",
        Type = FieldType.Table,
        GroupBy = groupBy,
        Columns =
        [
            new TableColumn { Id = "nam", Label = "Năm", Type = ColumnType.Year, Required = true },
            new TableColumn { Id = "don-vi", Label = "Đơn vị", Type = ColumnType.Text, Required = true },
            new TableColumn { Id = "loai", Label = "Lĩnh vực", Type = ColumnType.Choice, Choices = ["Kinh tế", "An ninh", "Xã hội"] },
            new TableColumn { Id = "kinh-phi", Label = "Kinh phí", Type = ColumnType.Decimal },
            new TableColumn { Id = "ngay", Label = "Ngày đánh giá", Type = ColumnType.Date },
        ],
    };

    private static Plan PlanWith(FormField table)
    {
        var plan = PlanBuilder.Minimal();
        return plan with
        {
            Blocks = [.. plan.Blocks, new Block("department", "Sở, ban, ngành")],
            Units = [.. plan.Units, new Unit { Id = "so-tu-phap", Name = "Sở Tư pháp", Block = "department", Emails = ["vp@sotuphap.bacgiang.example"] }],
            Deliverables =
            [
                plan.Deliverables[0] with
                {
                    AppliesTo = new UnitScope { Blocks = ["district-committee", "department"] },
                    Forms =
                    [
                        new StatisticalForm { Id = "bieu-01", Title = "Biểu 01", Fields = [new FormField { Id = "so-vu", Label = "Số vụ", Type = FieldType.Integer }] },
                        new StatisticalForm { Id = "bieu-02", Title = "Biểu 02", Fields = [table] },
                    ],
                },
            ],
        };
    }

    private static Dictionary<string, string> Row(params (string Column, string Value)[] cells) => cells.ToDictionary(c => c.Column, c => c.Value);

    private static ReportStatistics Stats(params Dictionary<string, string>?[] rows) => new()
    {
        Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
        {
            ["bieu-01"] = new Dictionary<string, FieldValue> { ["so-vu"] = FieldValue.Of(1) },
            ["bieu-02"] = new Dictionary<string, FieldValue> { ["chua-dat"] = FieldValue.Of([.. rows.Select(r => (IReadOnlyDictionary<string, string>)r!)]) },
        },
    };

    private static UnitReport Report(string unit, ReportState state, ReportStatistics? statistics) => new(unit, state, statistics is null ? null : DateTimeOffset.Parse("2024-04-20T03:00:00Z"), statistics);

    [Fact]
    public void Rows_of_every_reporting_unit_are_grouped_by_year_ascending_in_plan_unit_order_with_blank_years_last()
    {
        // Given out of plan order: the consolidation follows the plan, not the order the rows were read.
        var reports = new[]
        {
            Report("bcd-tan-yen", ReportState.Late, Stats(
                Row(("nam", "2021"), ("don-vi", "Trường THCS Tân An"), ("kinh-phi", "1234.5"), ("ngay", "2021-12-15")),
                Row(("don-vi", " ")),
                Row(("nam", " "), ("don-vi", "Chợ Cao Thượng")))),
            Report("bcd-yen-the", ReportState.OnTime, Stats(
                Row(("nam", "2022"), ("don-vi", "Xã Đồng Tâm"), ("loai", "An ninh")),
                Row(("nam", "2021"), ("don-vi", "Xã Tam Tiến")))),
            Report("so-tu-phap", ReportState.Missing, null),
        };

        var table = Assert.Single(Consolidator.Consolidate(PlanWith(Table("nam")), "bao-cao", reports).Tables);

        Assert.Equal(("bieu-02", "Biểu 02", "chua-dat", "Đơn vị chưa đạt danh hiệu", "Năm"), (table.FormId, table.FormTitle, table.FieldId, table.Label, table.GroupBy));
        Assert.Equal(["Năm", "Đơn vị", "Lĩnh vực", "Kinh phí", "Ngày đánh giá"], table.Columns);
        Assert.Equal(["2021", "2022", ""], table.Groups.Select(g => g.Key));
        Assert.Equal(["2021", "2022", "Không ghi"], table.Groups.Select(g => g.Title));
        Assert.Collection(
            table.Groups[0].Rows,
            r => Assert.Equal(("bcd-yen-the", "Ban Chỉ đạo huyện Yên Thế", "Ban Chỉ đạo cấp huyện", 2, "Xã Tam Tiến"), (r.UnitId, r.UnitName, r.BlockName, r.Row, r.Cells[1])),
            r =>
            {
                Assert.Equal(("bcd-tan-yen", 1), (r.UnitId, r.Row));
                Assert.Equal(["2021", "Trường THCS Tân An", "", "1.234,5", "15/12/2021"], r.Cells);
            });
        Assert.Equal([("bcd-yen-the", 1)], table.Groups[1].Rows.Select(r => (r.UnitId, r.Row)));
        // The blank second row of Tân Yên is not listed; its third row keeps its number.
        Assert.Equal([("bcd-tan-yen", 3)], table.Groups[2].Rows.Select(r => (r.UnitId, r.Row)));
        Assert.Equal(4, table.Rows.Count());
        Assert.DoesNotContain(table.Rows, r => r.UnitId == "so-tu-phap");
    }

    [Fact]
    public void Choices_group_in_their_declared_order_and_values_outside_the_list_come_after()
    {
        var reports = new[]
        {
            Report("bcd-yen-the", ReportState.OnTime, Stats(
                Row(("nam", "2021"), ("don-vi", "A"), ("loai", "Xã hội")),
                Row(("nam", "2021"), ("don-vi", "B"), ("loai", "Khác")),
                Row(("nam", "2021"), ("don-vi", "C"), ("loai", "Kinh tế")))),
            Report("so-tu-phap", ReportState.OnTime, Stats(Row(("nam", "2023"), ("don-vi", "D"), ("loai", "Xã hội")))),
        };

        var table = Assert.Single(Consolidator.Consolidate(PlanWith(Table("loai")), "bao-cao", reports).Tables);

        Assert.Equal(["Kinh tế", "Xã hội", "Khác"], table.Groups.Select(g => g.Title));
        Assert.Equal(["A", "D"], table.Groups[1].Rows.Select(r => r.Cells[1]));
        Assert.Equal("Sở, ban, ngành", table.Groups[1].Rows[1].BlockName);
    }

    [Fact]
    public void Dates_group_chronologically_and_show_as_dd_MM_yyyy()
    {
        var reports = new[]
        {
            Report("bcd-yen-the", ReportState.OnTime, Stats(
                Row(("nam", "2021"), ("don-vi", "A"), ("ngay", "2021-12-15")),
                Row(("nam", "2021"), ("don-vi", "B"), ("ngay", "2021-02-01")),
                Row(("nam", "2021"), ("don-vi", "C"), ("ngay", "15/12/2021")))),
        };

        var table = Assert.Single(Consolidator.Consolidate(PlanWith(Table("ngay")), "bao-cao", reports).Tables);

        Assert.Equal(["01/02/2021", "15/12/2021"], table.Groups.Select(g => g.Title));
        Assert.Equal(["A", "C"], table.Groups[1].Rows.Select(r => r.Cells[1]));
    }

    [Fact]
    public void Without_a_group_column_the_rows_form_one_group_and_units_without_rows_or_statistics_add_none()
    {
        var reports = new[]
        {
            Report("so-tu-phap", ReportState.OnTime, Stats(Row(("nam", "2020"), ("don-vi", "C")), null)),
            Report("bcd-tan-yen", ReportState.OnTime, Stats()),
            Report("bcd-yen-the", ReportState.OnTime, Stats(Row(("nam", "2023"), ("don-vi", "A")), Row(("nam", "2019"), ("don-vi", "B")))),
        };

        var table = Assert.Single(Consolidator.Consolidate(PlanWith(Table(groupBy: null)), "bao-cao", reports).Tables);

        Assert.Null(table.GroupBy);
        var group = Assert.Single(table.Groups);
        Assert.Equal(("", ""), (group.Key, group.Title));
        Assert.Equal(["A", "B", "C"], group.Rows.Select(r => r.Cells[1]));
    }

    [Fact]
    public void A_deliverable_without_table_fields_has_no_tables_and_tables_are_not_summed()
    {
        var consolidation = Consolidator.Consolidate(PlanWith(Table("nam")), "bao-cao", [Report("bcd-yen-the", ReportState.OnTime, Stats(Row(("nam", "2021"), ("don-vi", "A"))))]);

        Assert.DoesNotContain(consolidation.Province.Totals, t => t.Field == "chua-dat");
        Assert.Empty(Consolidator.Consolidate(PlanBuilder.Minimal(), "bao-cao", []).Tables);
    }
}
