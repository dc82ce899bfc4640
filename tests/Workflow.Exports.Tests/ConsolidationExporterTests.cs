using System.Text;
using MiniExcelLibs;
using Workflow.Domain.Consolidation;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Exports.Tests;

public sealed class ConsolidationExporterTests
{
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
        Blocks = [new Block("district-committee", "Ban Chỉ đạo cấp huyện")],
        Units =
        [
            new Unit { Id = "bcd-yen-the", Name = "Ban Chỉ đạo huyện Yên Thế", Block = "district-committee", Emails = ["a@yenthe.example"] },
            new Unit { Id = "bcd-tan-yen", Name = "Ban Chỉ đạo huyện Tân Yên, \"mới\"", Block = "district-committee", Emails = ["a@tanyen.example"] },
        ],
        Deliverables =
        [
            new Deliverable
            {
                Id = "bao-cao",
                Kind = DeliverableKind.Report,
                Title = "Báo cáo tổng kết",
                AppliesTo = new UnitScope { Blocks = ["district-committee"] },
                Deadline = Deadline.Before(new DateOnly(2024, 5, 1)),
                Forms = [new StatisticalForm { Id = "bieu-01", Title = "Biểu 01", Fields = [new FormField { Id = "so-vu", Label = "Số vụ trộm cắp", Type = FieldType.Integer, Unit = "vụ" }] }],
            },
        ],
        Reminders = new ReminderPolicy(),
    };

    private static IReadOnlyList<ExportTable> Tables()
    {
        var reports = new[]
        {
            new UnitReport("bcd-yen-the", ReportState.OnTime, new DateTimeOffset(2024, 4, 30, 16, 59, 59, TimeSpan.Zero), new ReportStatistics
            {
                Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>> { ["bieu-01"] = new Dictionary<string, FieldValue> { ["so-vu"] = FieldValue.Of(12) } },
            }),
        };
        var consolidation = Consolidator.Consolidate(Plan, "bao-cao", reports);
        return ExportTables.Build(Plan, [new DeliverableExport(consolidation, reports)], []);
    }

    [Fact]
    public void UnitsCsv_HasBomVietnameseHeadingsAndQuotedCells()
    {
        var units = Tables().Single(t => t.Name == "bao-cao-don-vi");
        using var stream = new MemoryStream();

        ConsolidationExporter.WriteCsv(units, stream);

        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Mã đơn vị,Tên đơn vị,Khối,Tình trạng,Thời điểm nộp,Số vụ trộm cắp (vụ)", lines[0]);
        Assert.Equal("bcd-yen-the,Ban Chỉ đạo huyện Yên Thế,Ban Chỉ đạo cấp huyện,Đúng hạn,23:59:59 30/04/2024,12", lines[1]);
        Assert.Equal("bcd-tan-yen,\"Ban Chỉ đạo huyện Tân Yên, \"\"mới\"\"\",Ban Chỉ đạo cấp huyện,Chưa báo cáo,,", lines[2]);
    }

    [Fact]
    public void Workbook_HasASheetPerTable_WithTheTotals()
    {
        using var stream = new MemoryStream();

        ConsolidationExporter.WriteWorkbook(Tables(), stream);

        stream.Position = 0;
        Assert.Equal(["1. Tổng hợp", "1. Đơn vị"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var totals = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "1. Tổng hợp").Cast<IDictionary<string, object>>().ToList();
        var theft = totals.Single(r => (string)r["Chỉ tiêu"] == "Số vụ trộm cắp");
        Assert.Equal(12m, Convert.ToDecimal(theft["Toàn tỉnh"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TotalsCsv_ShowsAScopedFormOnlyForBlocksInItsScope_AndHowManyUnitsItAppliesTo()
    {
        var plan = Plan with
        {
            Blocks = [.. Plan.Blocks, new Block("commune", "Ban Chỉ đạo cấp xã")],
            Units = [.. Plan.Units, new Unit { Id = "xa-tan-an", Name = "Ban Chỉ đạo xã Tân An", Block = "commune", Emails = ["a@tanan.example"] }],
            Deliverables =
            [
                Plan.Deliverables[0] with
                {
                    AppliesTo = new UnitScope { Blocks = ["district-committee", "commune"] },
                    Forms =
                    [
                        .. Plan.Deliverables[0].Forms,
                        new StatisticalForm
                        {
                            Id = "bieu-xa",
                            Title = "Biểu cấp xã",
                            AppliesTo = new UnitScope { Blocks = ["commune"] },
                            Fields = [new FormField { Id = "to-an-ninh", Label = "Số tổ an ninh", Type = FieldType.Integer, Unit = "tổ" }],
                        },
                        new StatisticalForm { Id = "phu-luc", Title = "Phụ lục", AppliesTo = new UnitScope { Blocks = ["commune"] } },
                    ],
                },
            ],
        };
        var reports = new[]
        {
            new UnitReport("xa-tan-an", ReportState.OnTime, new DateTimeOffset(2024, 4, 30, 1, 0, 0, TimeSpan.Zero), new ReportStatistics
            {
                Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
                {
                    ["bieu-01"] = new Dictionary<string, FieldValue> { ["so-vu"] = FieldValue.Of(2) },
                    ["bieu-xa"] = new Dictionary<string, FieldValue> { ["to-an-ninh"] = FieldValue.Of(9) },
                },
            }),
        };
        var consolidation = Consolidator.Consolidate(plan, "bao-cao", reports);
        var totals = ExportTables.Build(plan, [new DeliverableExport(consolidation, reports)], []).Single(t => t.Name == "bao-cao-tong-hop");
        using var stream = new MemoryStream();

        ConsolidationExporter.WriteCsv(totals, stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()[3..]).Split("\r\n");
        Assert.Equal("Biểu mẫu,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Ban Chỉ đạo cấp huyện,Ban Chỉ đạo cấp xã,Toàn tỉnh", lines[0]);
        Assert.Contains("Biểu 01,so-vu,Số vụ trộm cắp,vụ,0,2,2", lines);
        // Districts were not asked for the commune form: blank, not 0; the province line says it applies to 1 unit.
        Assert.Contains("Biểu cấp xã,,Số đơn vị phải lập biểu mẫu,đơn vị,,1,1", lines);
        Assert.Contains("Biểu cấp xã,to-an-ninh,Số tổ an ninh,tổ,,9,9", lines);
        Assert.Contains("Phụ lục,,Số đơn vị phải lập biểu mẫu,đơn vị,,1,1", lines);
    }

    [Fact]
    public void OptionalDeliverable_UnitWithoutReport_IsNotRequired_NotMissing_InBothTables()
    {
        var plan = Plan with { Deliverables = [Plan.Deliverables[0] with { Optional = true }] };
        UnitReport[] reports = [new UnitReport("bcd-yen-the", ReportState.OnTime, new DateTimeOffset(2024, 4, 30, 16, 59, 59, TimeSpan.Zero), null)];
        var tables = ExportTables.Build(plan, [new DeliverableExport(Consolidator.Consolidate(plan, "bao-cao", reports), reports)], []);

        var units = tables.Single(t => t.Name == "bao-cao-don-vi");
        Assert.Equal(ExportTables.NotRequired, units.Rows.Single(r => (string?)r[0] == "bcd-tan-yen")[3]);
        var totals = tables.Single(t => t.Name == "bao-cao-tong-hop");
        Assert.Equal(0, totals.Rows.Single(r => (string?)r[2] == "Chưa báo cáo")[^1]);
        Assert.Equal(1, totals.Rows.Single(r => (string?)r[2] == ExportTables.NotRequired)[^1]);
    }
}
