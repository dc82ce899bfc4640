using System.Text;
using MiniExcelLibs;
using Workflow.Domain.Plans;

namespace Workflow.Exports.Tests;

/// <summary>Operators keep unit lists in Excel: the template's workbook (or a CSV) reads back as the plan's unit tree, or as every bad row named.</summary>
public sealed class UnitFileReaderTests
{
    private static readonly Plan Plan = UnitListPlan.WithoutUnits;

    private static readonly string[] Header = [.. UnitTemplate.Columns.Select(c => c.Label)];

    /// <summary>30 units: 4 police departments, 2 districts with 12 communes each; the communes managed by a department.</summary>
    private static List<string[]> Thirty()
    {
        var rows = new List<string[]>();
        for (var p = 1; p <= 4; p++)
        {
            rows.Add([$"pa-{p:D2}", $"Phòng PA{p:D2}", "police-department", $"pa{p:D2}@congan.bacgiang.example", "", "", "", "x"]);
        }

        foreach (var district in new[] { "yen-the", "tan-yen" })
        {
            rows.Add([$"bcd-{district}", $"Ban Chỉ đạo huyện {district}", "Ban Chỉ đạo cấp huyện", $"vanphong@{district}.example; congan@{district}.example", "", "tv-01", "", ""]);
            for (var c = 1; c <= 12; c++)
            {
                rows.Add([$"{district}-xa-{c:D2}", $"Ban Chỉ đạo xã {c:D2}", "commune", $"xa{c:D2}@{district}.example", $"bcd-{district}", "", "pa-01", "không"]);
            }
        }

        return rows;
    }

    private static byte[] Workbook(IEnumerable<string[]> rows, bool notes = true)
    {
        var template = Template();
        var data = new List<Dictionary<string, object?>>();
        if (notes)
        {
            data.Add(UnitTemplate.Columns.ToDictionary(c => c.Label, c => (object?)c.Note));
        }

        data.AddRange(rows.Select(r => Header.Select((h, i) => (h, v: (object?)(i < r.Length ? r[i] : null))).ToDictionary(x => x.h, x => x.v)));
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Dữ liệu"] = data }, printHeader: true, excelType: ExcelType.XLSX);
        Assert.NotEmpty(template);
        return stream.ToArray();
    }

    private static byte[] Template()
    {
        using var stream = new MemoryStream();
        UnitTemplate.WriteXlsx(stream);
        return stream.ToArray();
    }

    private static UnitFileResult Read(string name, byte[] content) => UnitFileReader.Read(Plan, name, new MemoryStream(content));

    [Fact]
    public void The_template_has_the_columns_in_row_1_the_notes_in_row_2_a_guide_and_reads_back_as_no_units()
    {
        var bytes = Template();
        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Dữ liệu", "Hướng dẫn"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: "Dữ liệu").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Mã đơn vị", "Tên đơn vị", "Khối", "Thư điện tử", "Đơn vị cấp trên", "Thành viên phụ trách", "Đơn vị quản lý", "Thuộc Công an"], rows[0].Values);
        Assert.All(rows[1].Values, v => Assert.StartsWith("(", (string)v!, StringComparison.Ordinal));

        var result = Read("don-vi.xlsx", bytes);

        Assert.True(result.Ok);
        Assert.Empty(result.Units);
    }

    [Fact]
    public void A_good_workbook_of_30_units_reads_as_a_tree_with_every_field()
    {
        var result = Read("don-vi.xlsx", Workbook(Thirty()));

        Assert.True(result.Ok, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(6, result.Units.Count);
        Assert.Equal(30, result.Units.SelectMany(u => u.Descendants().Prepend(u)).Count());
        var yenThe = result.Units.Single(u => u.Id == "bcd-yen-the");
        Assert.Equal("district-committee", yenThe.Block);
        Assert.Equal(["vanphong@yen-the.example", "congan@yen-the.example"], yenThe.Emails);
        Assert.Equal("tv-01", yenThe.Supervisor);
        Assert.Equal(12, yenThe.Units.Count);
        Assert.Equal("yen-the-xa-01", yenThe.Units[0].Id);
        Assert.Equal("pa-01", yenThe.Units[0].ManagedBy);
        Assert.False(yenThe.Units[0].IsPolice);
        Assert.True(result.Units.Single(u => u.Id == "pa-02").IsPolice);
    }

    [Fact]
    public void The_same_list_as_csv_reads_the_same()
    {
        var csv = new StringBuilder("\uFEFF" + string.Join(';', Header) + "\r\n");
        foreach (var row in Thirty())
        {
            csv.Append(string.Join(';', row.Select(c => c.Contains(';', StringComparison.Ordinal) ? $"\"{c}\"" : c))).Append("\r\n");
        }

        var fromCsv = Read("don-vi.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        var fromXlsx = Read("don-vi.xlsx", Workbook(Thirty(), notes: false));

        Assert.True(fromCsv.Ok, string.Join("\n", fromCsv.Errors.Select(e => e.Message)));
        Assert.Equal(Json(fromXlsx.Units), Json(fromCsv.Units));
    }

    [Fact]
    public void The_csv_template_is_the_header_and_the_notes_and_reads_back_as_no_units()
    {
        using var stream = new MemoryStream();
        UnitTemplate.WriteCsv(stream);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("\uFEFFMã đơn vị,Tên đơn vị,Khối,Thư điện tử,Đơn vị cấp trên", text, StringComparison.Ordinal);
        var result = Read("mau.csv", stream.ToArray());
        Assert.True(result.Ok);
        Assert.Empty(result.Units);
    }

    [Fact]
    public void Every_bad_row_is_named_by_row_and_column_and_no_units_come_back()
    {
        var rows = Thirty();
        rows.Add(["", "Không có mã", "commune", "a@b.example", "", "", "", ""]);                      // row 33
        rows.Add(["xã có dấu", "Mã có dấu", "commune", "a@b.example", "", "", "", ""]);               // row 34
        rows.Add(["pa-01", "Trùng mã", "commune", "a@b.example", "", "", "", ""]);                    // row 35
        rows.Add(["moi-1", "", "khoi-la", "khong-phai-thu", "", "tv-99", "", "có lẽ"]);               // row 36
        rows.Add(["moi-2", "Cấp trên lạ", "commune", "a@b.example", "khong-co", "", "moi-2", ""]);    // row 37
        rows.Add(["vong-a", "Vòng A", "commune", "a@b.example", "vong-b", "", "", ""]);               // row 38
        rows.Add(["vong-b", "Vòng B", "commune", "b@b.example", "vong-a", "", "", ""]);               // row 39

        var result = Read("don-vi.xlsx", Workbook(rows));

        Assert.False(result.Ok);
        Assert.Empty(result.Units);
        Assert.Equal(
        [
            "Dòng 33, cột «Mã đơn vị»: thiếu mã đơn vị.",
            "Dòng 34, cột «Mã đơn vị»: mã «xã có dấu» không hợp lệ: chỉ dùng chữ không dấu, số, '.', '_' hoặc '-' (tối đa 100 ký tự).",
            "Dòng 35, cột «Mã đơn vị»: mã «pa-01» bị trùng với dòng 3.",
            "Dòng 36, cột «Tên đơn vị»: thiếu tên đơn vị.",
            "Dòng 36, cột «Khối»: khối «khoi-la» không có trong kế hoạch; các khối: district-committee (Ban Chỉ đạo cấp huyện); commune (Ban Chỉ đạo xã, phường, thị trấn); police-department (Phòng nghiệp vụ Công an tỉnh).",
            "Dòng 36, cột «Thư điện tử»: địa chỉ «khong-phai-thu» không hợp lệ.",
            "Dòng 36, cột «Thành viên phụ trách»: thành viên «tv-99» không có trong danh sách thành viên Ban Chỉ đạo của kế hoạch.",
            "Dòng 36, cột «Thuộc Công an»: «có lẽ» không phải «x»/«có» hoặc để trống.",
            "Dòng 37, cột «Đơn vị quản lý»: đơn vị không thể là đơn vị quản lý của chính mình.",
            "Dòng 37, cột «Đơn vị cấp trên»: đơn vị cấp trên «khong-co» không có trong tệp.",
            "Dòng 38, cột «Đơn vị cấp trên»: các đơn vị cấp trên tạo thành vòng lặp: vong-a → vong-b → vong-a.",
            "Dòng 39, cột «Đơn vị cấp trên»: các đơn vị cấp trên tạo thành vòng lặp: vong-b → vong-a → vong-b.",
        ],
            result.Errors.Select(e => e.Message));
        Assert.All(result.Errors, e => Assert.Equal("file", e.Field));
        Assert.Equal([33, 34, 35, 36, 36, 36, 36, 36, 37, 37, 38, 39], result.Errors.Select(e => e.Row ?? 0));
        Assert.Equal("block", result.Errors[4].Column);
    }

    [Fact]
    public void A_header_without_the_required_columns_is_refused_by_row_1()
    {
        var csv = Encoding.UTF8.GetBytes("Mã đơn vị,Tên,Khối\r\nbcd,Tên,commune\r\n");

        var result = Read("don-vi.csv", csv);

        Assert.Equal(
        [
            "Dòng 1, cột B: «Tên» không phải cột của danh sách đơn vị. Các cột: Mã đơn vị; Tên đơn vị; Khối; Thư điện tử; Đơn vị cấp trên; Thành viên phụ trách; Đơn vị quản lý; Thuộc Công an.",
            "Dòng 1: thiếu cột «Tên đơn vị» (bắt buộc).",
            "Dòng 1: thiếu cột «Thư điện tử» (bắt buộc).",
        ],
            result.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("don-vi.xlsx")]
    [InlineData("don-vi.pdf")]
    public void A_file_that_is_not_a_spreadsheet_is_refused_with_one_message(string name)
    {
        var result = Read(name, "%PDF-1.7\n1 0 obj << >> endobj\n"u8.ToArray());

        var error = Assert.Single(result.Errors);
        Assert.Equal("file", error.Field);
        Assert.Empty(result.Units);
        Assert.Contains(name.EndsWith(".pdf", StringComparison.Ordinal) ? "Chỉ nhận bảng dạng .xlsx" : "không phải bảng tính Excel .xlsx hợp lệ", error.Message, StringComparison.Ordinal);
    }

    private static string Json(IReadOnlyList<Unit> units) => System.Text.Json.JsonSerializer.Serialize(units);
}
