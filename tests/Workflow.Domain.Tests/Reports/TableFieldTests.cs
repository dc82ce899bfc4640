using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Domain.Tests.Reports;

public sealed class TableFieldTests
{
    private static readonly FormField Shortfalls = new()
    {
        Id = "chua-dat",
        Label = "Đơn vị chưa đạt danh hiệu",
        Type = FieldType.Table,
        MaxRows = 3,
        GroupBy = "nam",
        Columns =
        [
            new TableColumn { Id = "nam", Label = "Năm", Type = ColumnType.Year, Required = true },
            new TableColumn { Id = "don-vi", Label = "Đơn vị", Type = ColumnType.Text, Required = true },
            new TableColumn { Id = "tieu-chi", Label = "Tiêu chí không đạt", Type = ColumnType.Choice, Choices = ["Tiêu chí 1", "Tiêu chí 2"] },
            new TableColumn { Id = "so-vu", Label = "Số vụ", Type = ColumnType.Integer },
            new TableColumn { Id = "ngay", Label = "Ngày đánh giá", Type = ColumnType.Date },
        ],
    };

    private static readonly Unit Commune = new() { Id = "xa-1", Name = "UBND xã Tân An", Block = "commune" };
    private static readonly Unit Department = new() { Id = "so-1", Name = "Sở Tư pháp", Block = "department" };

    private static Deliverable Report() => new()
    {
        Id = "bao-cao",
        Kind = DeliverableKind.Report,
        Title = "Báo cáo",
        AppliesTo = new UnitScope { Blocks = ["commune", "department"] },
        Deadline = Deadline.Before(new DateOnly(2024, 5, 1)),
        Forms =
        [
            new StatisticalForm { Id = "bieu-1", Title = "Biểu 1", Fields = [Shortfalls] },
            new StatisticalForm { Id = "bieu-xa", Title = "Biểu dành cho xã", AppliesTo = new UnitScope { Blocks = ["commune"] }, Fields = [new FormField { Id = "so-thon", Label = "Số thôn", Type = FieldType.Integer }] },
            new StatisticalForm { Id = "phu-luc", Title = "Phụ lục", Templates = [new FormTemplate("Phụ lục 1", "phu-luc-1.docx")] },
        ],
    };

    private static Dictionary<string, string> Row(params (string Column, string Value)[] cells) => cells.ToDictionary(c => c.Column, c => c.Value);

    private static ReportStatistics Stats(IReadOnlyList<IReadOnlyDictionary<string, string>> rows, decimal? villages = null)
    {
        var forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>> { ["bieu-1"] = new Dictionary<string, FieldValue> { ["chua-dat"] = FieldValue.Of(rows) } };
        if (villages is { } v)
        {
            forms["bieu-xa"] = new Dictionary<string, FieldValue> { ["so-thon"] = FieldValue.Of(v) };
        }

        return new ReportStatistics { Forms = forms };
    }

    [Fact]
    public void Valid_rows_pass_and_an_empty_optional_cell_is_allowed()
    {
        var rows = new[] { Row(("nam", "2021"), ("don-vi", "Trường THCS Tân An"), ("tieu-chi", "Tiêu chí 1"), ("so-vu", "2"), ("ngay", "15/12/2021")), Row(("nam", "2022"), ("don-vi", "Chợ Tân An")) };

        Assert.Empty(StatisticsValidator.Validate(Report(), Stats(rows, 12), Commune));
    }

    [Fact]
    public void A_bad_cell_is_refused_naming_its_row_and_column()
    {
        var rows = new[] { Row(("nam", "2021"), ("don-vi", "A")), Row(("nam", "21"), ("don-vi", "B"), ("tieu-chi", "Tiêu chí 9"), ("so-vu", "-1")), Row(("don-vi", "C")) };

        var errors = StatisticsValidator.Validate(Report(), Stats(rows, 12), Commune);

        Assert.Collection(
            errors,
            e => { Assert.Equal("forms.bieu-1.chua-dat.rows[1].nam", e.Field); Assert.Contains("dòng 2, cột «Năm»", e.Message, StringComparison.Ordinal); },
            e => { Assert.Equal("forms.bieu-1.chua-dat.rows[1].tieu-chi", e.Field); Assert.Contains("Tiêu chí 1; Tiêu chí 2", e.Message, StringComparison.Ordinal); },
            e => { Assert.Equal("forms.bieu-1.chua-dat.rows[1].so-vu", e.Field); Assert.Contains("số nguyên", e.Message, StringComparison.Ordinal); },
            e => { Assert.Equal("forms.bieu-1.chua-dat.rows[2].nam", e.Field); Assert.Contains("dòng 3, cột «Năm»: không được để trống", e.Message, StringComparison.Ordinal); });
    }

    [Fact]
    public void Row_bounds_unknown_columns_and_blank_rows_are_refused()
    {
        var four = Enumerable.Range(0, 4).Select(i => (IReadOnlyDictionary<string, string>)Row(("nam", "2021"), ("don-vi", $"Đơn vị {i}"))).ToList();
        Assert.Contains("tối đa 3 dòng", Assert.Single(StatisticsValidator.Validate(Report(), Stats(four, 1), Commune)).Message, StringComparison.Ordinal);

        var odd = new[] { Row(("nam", "2021"), ("don-vi", "A"), ("ghi-chu", "x")), Row(("don-vi", " ")) };
        var errors = StatisticsValidator.Validate(Report(), Stats(odd, 1), Commune);
        Assert.Equal(["forms.bieu-1.chua-dat.rows[0].ghi-chu", "forms.bieu-1.chua-dat.rows[1]"], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_form_scoped_to_communes_is_required_of_communes_and_refused_from_others()
    {
        var rows = new[] { Row(("nam", "2021"), ("don-vi", "A")) };

        Assert.Equal("forms.bieu-xa.so-thon", Assert.Single(StatisticsValidator.Validate(Report(), Stats(rows), Commune)).Field);
        Assert.Empty(StatisticsValidator.Validate(Report(), Stats(rows), Department));
        var refused = Assert.Single(StatisticsValidator.Validate(Report(), Stats(rows, 3), Department));
        Assert.Equal("forms.bieu-xa", refused.Field);
        Assert.Contains("không áp dụng cho đơn vị này", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_only_form_takes_no_values()
    {
        var statistics = Stats([Row(("nam", "2021"), ("don-vi", "A"))], 3) is var s
            ? s with { Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>(s.Forms) { ["phu-luc"] = new Dictionary<string, FieldValue>() } }
            : null!;

        var error = Assert.Single(StatisticsValidator.Validate(Report(), statistics, Commune));
        Assert.Equal("forms.phu-luc", error.Field);
        Assert.Contains("nộp bằng tệp", error.Message, StringComparison.Ordinal);
        Assert.True(Report().Forms[2].IsFileOnly);
    }

    [Theory]
    [InlineData(ColumnType.Date, "15/12/2021", "2021-12-15", "15/12/2021")]
    [InlineData(ColumnType.Date, "2021-12-15", "2021-12-15", "15/12/2021")]
    [InlineData(ColumnType.Decimal, " 1234.5 ", "1234.5", "1.234,5")]
    [InlineData(ColumnType.Text, " Lý do ", "Lý do", "Lý do")]
    public void Cells_are_stored_invariant_and_shown_in_Vietnamese(ColumnType type, string typed, string stored, string shown)
    {
        var column = new TableColumn { Id = "c", Label = "Cột", Type = type };

        Assert.Null(TableCell.Problem(column, typed));
        Assert.Equal(stored, TableCell.Normalize(column, typed));
        Assert.Equal(shown, TableCell.Display(column, stored));
    }
}
