using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Workflow.Domain.Consolidation;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Exports.Tests;

/// <summary>Each table field becomes a sheet shaped like the form, and a CSV: every unit's rows, grouped as the form says.</summary>
public sealed class TableExportTests
{
    private const string Label = "Đơn vị chưa đạt danh hiệu «An toàn về ANTT» theo năm";

    private static readonly FormField Shortfalls = new()
    {
        Id = "chua-dat",
        Label = Label,
        Type = FieldType.Table,
        GroupBy = "nam",
        Columns =
        [
            new TableColumn { Id = "nam", Label = "Năm", Type = ColumnType.Year, Required = true },
            new TableColumn { Id = "don-vi", Label = "Đơn vị", Type = ColumnType.Text, Required = true },
            new TableColumn { Id = "tieu-chi", Label = "Tiêu chí không đạt", Type = ColumnType.Choice, Choices = ["Tiêu chí 1", "Tiêu chí 2"] },
            new TableColumn { Id = "ngay", Label = "Ngày đánh giá", Type = ColumnType.Date },
        ],
    };

    private static readonly Plan Plan = new()
    {
        Id = "bg-2024",
        Number = "01/KH-BCĐ",
        IssuedOn = new DateOnly(2024, 3, 11),
        Issuer = "Ban Chỉ đạo tỉnh",
        Title = "Tổng kết",
        Kind = CycleKind.FinalReview,
        DataPeriod = new DatePeriod(new DateOnly(2014, 8, 15), new DateOnly(2024, 6, 15)),
        ClosesOn = new DateOnly(2024, 7, 31),
        Blocks = [new Block("district-committee", "Ban Chỉ đạo cấp huyện"), new Block("department", "Sở, ban, ngành")],
        Units =
        [
            new Unit { Id = "bcd-yen-the", Name = "Ban Chỉ đạo huyện Yên Thế", Block = "district-committee", Emails = ["a@yenthe.example"] },
            new Unit { Id = "so-tu-phap", Name = "Sở Tư pháp", Block = "department", Emails = ["a@stp.example"] },
            new Unit { Id = "bcd-tan-yen", Name = "Ban Chỉ đạo huyện Tân Yên", Block = "district-committee", Emails = ["a@tanyen.example"] },
            new Unit { Id = "bcd-luc-nam", Name = "Ban Chỉ đạo huyện Lục Nam", Block = "district-committee", Emails = ["a@lucnam.example"] },
        ],
        Deliverables =
        [
            new Deliverable
            {
                Id = "bao-cao",
                Kind = DeliverableKind.Report,
                Title = "Báo cáo tổng kết",
                AppliesTo = new UnitScope { Blocks = ["district-committee", "department"] },
                Deadline = Deadline.Before(new DateOnly(2024, 5, 1)),
                Forms =
                [
                    new StatisticalForm { Id = "bieu-01", Title = "Biểu 01", Fields = [new FormField { Id = "so-vu", Label = "Số vụ", Type = FieldType.Integer }] },
                    new StatisticalForm { Id = "bieu-02", Title = "Biểu 02", Fields = [Shortfalls, Shortfalls with { Id = "chua-dat-2", GroupBy = null }] },
                ],
            },
        ],
        Reminders = new ReminderPolicy(),
    };

    private static Dictionary<string, string> Row(string year, string unit, string? criterion = null, string? day = null)
    {
        var row = new Dictionary<string, string> { ["nam"] = year, ["don-vi"] = unit };
        if (criterion is not null)
        {
            row["tieu-chi"] = criterion;
        }

        if (day is not null)
        {
            row["ngay"] = day;
        }

        return row;
    }

    private static ReportStatistics Stats(params Dictionary<string, string>[] rows) => new()
    {
        Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
        {
            ["bieu-01"] = new Dictionary<string, FieldValue> { ["so-vu"] = FieldValue.Of(2) },
            ["bieu-02"] = new Dictionary<string, FieldValue>
            {
                ["chua-dat"] = FieldValue.Of([.. rows]),
                ["chua-dat-2"] = FieldValue.Of([]),
            },
        },
    };

    private static IReadOnlyList<ExportTable> Tables()
    {
        var reports = new[]
        {
            new UnitReport("bcd-tan-yen", ReportState.Late, DateTimeOffset.Parse("2024-05-02T03:00:00Z", CultureInfo.InvariantCulture), Stats(Row("2023", "Xã Cao Xá", "Tiêu chí 2"))),
            new UnitReport("bcd-yen-the", ReportState.OnTime, DateTimeOffset.Parse("2024-04-20T03:00:00Z", CultureInfo.InvariantCulture), Stats(
                Row("2023", "Xã Đồng Tâm", "Tiêu chí 1", "2023-12-15"), Row("2021", "Xã Tam Tiến"), Row("2023", "Thị trấn Cầu Gồ"))),
            new UnitReport("so-tu-phap", ReportState.OnTime, DateTimeOffset.Parse("2024-04-21T03:00:00Z", CultureInfo.InvariantCulture), Stats(Row("2021", "Phòng Hành chính, tư pháp"))),
        };
        var consolidation = Consolidator.Consolidate(Plan, "bao-cao", reports);
        return ExportTables.Build(Plan, [new DeliverableExport(consolidation, reports)], []);
    }

    [Fact]
    public void Workbook_HasASheetPerTableField_WithEveryUnitsRowsGroupedByYear()
    {
        using var stream = new MemoryStream();
        ConsolidationExporter.WriteWorkbook(Tables(), stream);

        stream.Position = 0;
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.Equal(4, sheets.Count);
        var sheet = sheets[2];
        Assert.StartsWith("1. Đơn vị chưa đạt danh hiệu", sheet, StringComparison.Ordinal);
        Assert.True(sheet.Length <= 31, sheet);
        Assert.Equal(sheets.Count, sheets.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        stream.Position = 0;
        var header = ((IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet).First()).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(["Đơn vị báo cáo", "Khối", "Năm", "Đơn vị", "Tiêu chí không đạt", "Ngày đánh giá"], header);

        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
            .Select(r => header.Select(h => r[h!]?.ToString() ?? "").ToArray()).ToList();
        string[][] expected =
        [
            ["Năm: 2021 (2 dòng)", "", "", "", "", ""],
            ["Ban Chỉ đạo huyện Yên Thế", "Ban Chỉ đạo cấp huyện", "2021", "Xã Tam Tiến", "", ""],
            ["Sở Tư pháp", "Sở, ban, ngành", "2021", "Phòng Hành chính, tư pháp", "", ""],
            ["Năm: 2023 (3 dòng)", "", "", "", "", ""],
            ["Ban Chỉ đạo huyện Yên Thế", "Ban Chỉ đạo cấp huyện", "2023", "Xã Đồng Tâm", "Tiêu chí 1", "15/12/2023"],
            ["Ban Chỉ đạo huyện Yên Thế", "Ban Chỉ đạo cấp huyện", "2023", "Thị trấn Cầu Gồ", "", ""],
            ["Ban Chỉ đạo huyện Tân Yên", "Ban Chỉ đạo cấp huyện", "2023", "Xã Cao Xá", "Tiêu chí 2", ""],
        ];
        Assert.Equal(expected, rows);

        // Every unit that reported rows is on the sheet; Lục Nam never reported.
        Assert.Equal(["Ban Chỉ đạo huyện Tân Yên", "Ban Chỉ đạo huyện Yên Thế", "Sở Tư pháp"], rows.Where(r => r[1].Length > 0).Select(r => r[0]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Csv_PerTableField_HasTheSameRows_AndAnEmptyTableSaysSo()
    {
        var tables = Tables();
        var grouped = tables.Single(t => t.Name == "bao-cao-bang-bieu-02-chua-dat");
        using var stream = new MemoryStream();

        ConsolidationExporter.WriteCsv(grouped, stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()[3..]).Split("\r\n");
        Assert.Equal("Đơn vị báo cáo,Khối,Năm,Đơn vị,Tiêu chí không đạt,Ngày đánh giá", lines[0]);
        Assert.Equal("Năm: 2021 (2 dòng),,,,,", lines[1]);
        Assert.Equal("Sở Tư pháp,\"Sở, ban, ngành\",2021,\"Phòng Hành chính, tư pháp\",,", lines[3]);
        Assert.Equal(9, lines.Length);

        var empty = tables.Single(t => t.Name == "bao-cao-bang-bieu-02-chua-dat-2");
        Assert.Equal("Chưa có đơn vị nào báo cáo dòng nào.", Assert.Single(empty.Rows)[0]);
        Assert.Equal("1 dòng", tables.Single(t => t.Name == "bao-cao-don-vi").Rows[2][^2]);
    }

    [Fact]
    public void SheetNames_AreCleanedCutTo31AndUnique()
    {
        var long1 = new ExportTable("a", "1. Bảng: tổng hợp [năm 2023/2024]? của các đơn vị", ["A"], []);
        var long2 = long1 with { Name = "b" };
        var apostrophe = new ExportTable("c", "'Bảng'", ["A"], []);

        var names = SheetNames.MakeUnique([long1, long2, apostrophe, apostrophe with { SheetName = "bảng" }]).Select(t => t.SheetName).ToList();

        Assert.Equal("1. Bảng- tổng hợp -năm 2023-202", names[0]);
        Assert.Equal("1. Bảng- tổng hợp -năm 2023 (2)", names[1]);
        Assert.Equal(["Bảng", "bảng (2)"], names[2..]);
        Assert.All(names, n => Assert.True(n.Length <= SheetNames.MaxLength, n));
    }
}
