using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Workflow.Domain.Plans;

namespace Workflow.Exports.Tests;

/// <summary>Units fill a table in the downloaded template (or a CSV) and upload it: rows come back normalized, bad cells named.</summary>
public sealed class TableFileReaderTests
{
    private static readonly FormField Field = new()
    {
        Id = "chua-dat",
        Label = "Đơn vị chưa đạt danh hiệu",
        Type = FieldType.Table,
        MaxRows = 5,
        Columns =
        [
            new TableColumn { Id = "nam", Label = "Năm", Type = ColumnType.Year, Required = true },
            new TableColumn { Id = "don-vi", Label = "Đơn vị", Type = ColumnType.Text, Required = true },
            new TableColumn { Id = "tieu-chi", Label = "Tiêu chí không đạt", Type = ColumnType.Choice, Choices = ["Tiêu chí 1", "Tiêu chí 2"] },
            new TableColumn { Id = "kinh-phi", Label = "Kinh phí", Type = ColumnType.Decimal },
            new TableColumn { Id = "ngay", Label = "Ngày đánh giá", Type = ColumnType.Date },
        ],
    };

    private static readonly KeyValuePair<string, string>[] About = [new("Đơn vị", "Ban Chỉ đạo huyện Yên Thế"), new("Kế hoạch", "Số 01/KH-BCĐ")];

    private static byte[] Template()
    {
        using var stream = new MemoryStream();
        TableTemplate.WriteXlsx(Field, About, stream);
        return stream.ToArray();
    }

    /// <summary>A workbook like one Excel saves after a unit filled the template: typed cells under the template's header.</summary>
    private static byte[] Filled(params object?[][] rows)
    {
        using var template = new MemoryStream(Template());
        var header = ((IDictionary<string, object?>)MiniExcel.Query(template, useHeaderRow: false, sheetName: "Dữ liệu").First()).Values.Select(v => (string)v!).ToList();
        var sheet = rows.Select(r => header.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Dữ liệu"] = sheet }, printHeader: true, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static TableFileResult Read(string name, byte[] content) => TableFileReader.Read(Field, name, new MemoryStream(content));

    [Fact]
    public void Template_HasTheLabelsInRow1_AGuide_AndTheChoices_AndReadsBackAsNoRows()
    {
        var bytes = Template();
        using var stream = new MemoryStream(bytes);

        Assert.Equal(["Dữ liệu", "Hướng dẫn", "Lựa chọn"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var header = ((IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: false, sheetName: "Dữ liệu").First()).Values;
        Assert.Equal(["Năm", "Đơn vị", "Tiêu chí không đạt", "Kinh phí", "Ngày đánh giá"], header);
        stream.Position = 0;
        var guide = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Hướng dẫn").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(guide, g => (string?)g["Cột"] == "Năm" && (string?)g["Bắt buộc"] == "Bắt buộc");
        Assert.Contains(guide, g => (string?)g["Cột"] == "Đơn vị" && (string?)g["Kiểu dữ liệu"] == "Ban Chỉ đạo huyện Yên Thế");
        stream.Position = 0;
        var choices = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Lựa chọn").Cast<IDictionary<string, object?>>().Select(r => r["Tiêu chí không đạt (tieu-chi)"]).ToList();
        Assert.Equal(["Tiêu chí 1", "Tiêu chí 2"], choices);

        var empty = Read("mau.xlsx", bytes);
        Assert.True(empty.Ok);
        Assert.Empty(empty.Rows);
    }

    [Fact]
    public void Csv_Template_IsTheHeaderLine()
    {
        using var stream = new MemoryStream();
        TableTemplate.WriteCsv(Field, stream);

        Assert.Equal("\uFEFFNăm,Đơn vị,Tiêu chí không đạt,Kinh phí,Ngày đánh giá\r\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Xlsx_TypedCells_AreReadAsTheUnitMeansThem()
    {
        var file = Filled(
            [2023, "Xã Đồng Tâm", "Tiêu chí 1", 1234.5, new DateTime(2023, 12, 15)],
            ["2022", " Xã Tam Tiến ", null, 0.1 + 0.2, "01/02/2022"],
            [2021d, "Chợ Cầu Gồ", "Tiêu chí 2", 7, 45000]);

        var result = Read("bang.xlsx", file);

        Assert.True(result.Ok, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(new Dictionary<string, string> { ["nam"] = "2023", ["don-vi"] = "Xã Đồng Tâm", ["tieu-chi"] = "Tiêu chí 1", ["kinh-phi"] = "1234.5", ["ngay"] = "2023-12-15" }, result.Rows[0]);
        Assert.Equal(new Dictionary<string, string> { ["nam"] = "2022", ["don-vi"] = "Xã Tam Tiến", ["kinh-phi"] = "0.3", ["ngay"] = "2022-02-01" }, result.Rows[1]);
        // A date typed into a cell with no date format arrives as Excel's serial day: 45000 is 15/03/2023.
        Assert.Equal("2023-03-15", result.Rows[2]["ngay"]);
    }

    [Fact]
    public void Xlsx_BadCells_AreNamedByTheirSpreadsheetRowAndColumn_AndBlankRowsAreSkipped()
    {
        var file = Filled(
            [2023, "Xã Đồng Tâm"],
            [],
            ["23", "Xã Tam Tiến", "Tiêu chí 9"],
            [2021, null, null, -4]);

        var result = Read("bang.xlsx", file);

        Assert.Equal(3, result.Rows.Count);
        Assert.Collection(
            result.Errors,
            e => Assert.Equal(("rows[1].nam", "Dòng 4, cột «Năm» (ô A4): phải là năm (4 chữ số, từ 1945 đến 2100).", 4), (e.Field, e.Message, e.Row!.Value)),
            e => Assert.Equal(("rows[1].tieu-chi", 4), (e.Field, e.Row!.Value)),
            e => Assert.Equal(("rows[2].don-vi", "Dòng 5, cột «Đơn vị» (ô B5): không được để trống.", "don-vi"), (e.Field, e.Message, e.Column)),
            e => Assert.Equal(("rows[2].kinh-phi", 5), (e.Field, e.Row!.Value)));
        // The rows still come back as read, so the page can show them beside their errors.
        Assert.Equal("23", result.Rows[1]["nam"]);
    }

    [Fact]
    public void Csv_WithBomSemicolonsQuotesAndLineBreaks_IsRead_InAnyColumnOrder()
    {
        var csv = "\uFEFFĐơn vị;năm;Ngày đánh giá\r\n\"Xã \"\"Đồng\"\" Tâm;\nthôn 3\";2023;15/12/2023\r\n;;\r\nChợ Cầu Gồ;2022;\n";

        var result = Read("bang.csv", Encoding.UTF8.GetBytes(csv));

        Assert.True(result.Ok, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(["Xã \"Đồng\" Tâm; thôn 3", "Chợ Cầu Gồ"], result.Rows.Select(r => r["don-vi"]));
        Assert.Equal("2023-12-15", result.Rows[0]["ngay"]);
        Assert.False(result.Rows[1].ContainsKey("ngay"));
    }

    [Fact]
    public void Csv_NotInUtf8_OrWithAnUnclosedQuote_IsRefusedClearly()
    {
        // "Năm" in Windows-1258, as Excel's plain "CSV" saves it on Vietnamese Windows.
        var legacy = Read("bang.csv", [0x4E, 0xE3, 0x6D, 0x2C, 0x44, 0x6F, 0x6E, 0x0D, 0x0A]);
        Assert.Contains("UTF-8", Assert.Single(legacy.Errors).Message, StringComparison.Ordinal);

        var unclosed = Read("bang.csv", Encoding.UTF8.GetBytes("Năm,Đơn vị\r\n2023,\"Xã Đồng Tâm\r\n"));
        Assert.Equal("Tệp CSV hỏng: dấu ngoặc kép mở ở dòng 2 không được đóng.", Assert.Single(unclosed.Errors).Message);
    }

    [Fact]
    public void Header_MustNameTheColumns_AndHoldEveryRequiredOne()
    {
        var unknown = Read("bang.csv", Encoding.UTF8.GetBytes("Năm,Đơn vị,Ghi chú\r\n2023,A,x\r\n"));
        var error = Assert.Single(unknown.Errors);
        Assert.Equal("file", error.Field);
        Assert.StartsWith("Dòng 1, ô C1: «Ghi chú» không phải cột của bảng «Đơn vị chưa đạt danh hiệu».", error.Message, StringComparison.Ordinal);
        Assert.Empty(unknown.Rows);

        var missing = Read("bang.csv", Encoding.UTF8.GetBytes("Năm,Kinh phí\r\n2023,5\r\n"));
        Assert.Equal("Dòng 1: thiếu cột «Đơn vị» (bắt buộc).", Assert.Single(missing.Errors).Message);

        var twice = Read("bang.csv", Encoding.UTF8.GetBytes("Năm,Đơn vị,năm\r\n"));
        Assert.Equal("Dòng 1, ô C1: cột «năm» có hai lần.", Assert.Single(twice.Errors).Message);

        var unnamed = Read("bang.csv", Encoding.UTF8.GetBytes("Năm,Đơn vị,\r\n2023,A,lạc chỗ\r\n"));
        Assert.Equal("Dòng 2, ô C2: có dữ liệu nhưng cột này không có tên ở dòng 1.", Assert.Single(unnamed.Errors).Message);

        Assert.StartsWith("Tệp không có dòng nào", Assert.Single(Read("bang.csv", "\uFEFF"u8.ToArray()).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_BeyondTheTablesBound_AreRefused()
    {
        var csv = "Năm,Đơn vị\r\n" + string.Concat(Enumerable.Range(1, 7).Select(i => $"2023,Đơn vị {i}\r\n"));

        var result = Read("bang.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal("Dòng 7: bảng «Đơn vị chưa đạt danh hiệu» có tối đa 5 dòng; tệp có nhiều hơn.", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("bang.pdf", "Chỉ nhận bảng dạng .xlsx (Excel) hoặc .csv")]
    [InlineData("bang.xlsx", "không phải bảng tính Excel .xlsx hợp lệ")]
    public void Files_ThatAreNoTable_AreRefusedWithAVietnameseMessage(string name, string message)
    {
        var result = Read(name, "%PDF-1.7\n%%EOF"u8.ToArray());

        Assert.Contains(message, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_Truncated_Bombed_Or_Oversize_Workbooks_AreRefused_NeverThrown()
    {
        var template = Template();
        Assert.Contains("không phải bảng tính", Single(Read("bang.xlsx", template[..(template.Length / 2)])), StringComparison.Ordinal);
        Assert.Contains("không phải bảng tính", Single(Read("bang.xlsx", PlainZip())), StringComparison.Ordinal);
        Assert.Contains("quá lớn khi giải nén", Single(Read("bang.xlsx", Bomb())), StringComparison.Ordinal);
        Assert.Contains("vượt quá 2 MB", Single(Read("bang.csv", new byte[TableFileReader.MaxBytes + 1])), StringComparison.Ordinal);
        Assert.Equal("Tệp rỗng (0 byte).", Single(Read("bang.xlsx", [])));

        // A package that passes the archive checks but whose sheet is not XML: the library's failure is a refusal.
        var broken = Rewrite(template, "xl/worksheets/sheet1.xml", "<x:worksheet><x:sheetData><x:row r=\"1\"><x:c r=\"A1\"");
        Assert.Contains("Tệp Excel bị hỏng", Single(Read("bang.xlsx", broken)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Sheet_StretchedToExcelsLastColumn_IsRefusedBeforeTheLibraryBuildsItsRows()
    {
        // A cell at XFD1 makes every row 16,384 cells wide in the library, at seconds a row.
        var wide = Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Năm</t></is></c><c r=\"XFD1\" t=\"inlineStr\"><is><t></t></is></c></row>");
        Assert.Contains("quá cột IV", Single(Read("bang.xlsx", wide)), StringComparison.Ordinal);

        var declared = Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Năm</t></is></c></row>", "<dimension ref=\"A1:XFD3\"/>");
        Assert.Contains("quá cột IV", Single(Read("bang.xlsx", declared)), StringComparison.Ordinal);

        var unreferenced = Sheet("<row>" + string.Concat(Enumerable.Repeat("<c t=\"inlineStr\"><is><t>x</t></is></c>", 300)) + "</row>");
        Assert.Contains("quá cột IV", Single(Read("bang.xlsx", unreferenced)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Row_AtTheBottomOfTheSheet_IsNotReadPastTheBlankRowsAllowed()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var far = Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Năm</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Đơn vị</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\"><v>2023</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Xã Đồng Tâm</t></is></c></row>"
            + "<row r=\"1048576\"><c r=\"A1048576\"><v>2024</v></c></row>");

        var result = Read("bang.xlsx", far);

        Assert.True(result.Ok, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal("Xã Đồng Tâm", Assert.Single(result.Rows)["don-vi"]);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"{started.Elapsed}");
    }

    /// <summary>The template with its data sheet replaced by <paramref name="rows"/>.</summary>
    private static byte[] Sheet(string rows, string dimension = "") => Rewrite(Template(), "xl/worksheets/sheet1.xml",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + dimension + "<sheetData>" + rows + "</sheetData></worksheet>");

    private static string Single(TableFileResult result) => Assert.Single(result.Errors).Message;

    private static byte[] PlainZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("ghi-chu.txt").Open()))
        {
            writer.Write("Không phải bảng tính.");
        }

        return buffer.ToArray();
    }

    /// <summary>A workbook-shaped package with a part of 30 MB of zeros: a few tens of KB on the wire.</summary>
    private static byte[] Bomb()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("[Content_Types].xml").Open().Dispose();
            archive.CreateEntry("xl/workbook.xml").Open().Dispose();
            using var part = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 30; i++)
            {
                part.Write(zeros);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Rewrite(byte[] package, string entryName, string content)
    {
        using var buffer = new MemoryStream();
        buffer.Write(package);
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry(entryName)!.Delete();
            using var writer = new StreamWriter(archive.CreateEntry(entryName).Open());
            writer.Write(content);
        }

        return buffer.ToArray();
    }
}
