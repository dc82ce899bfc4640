using System.Globalization;
using MiniExcelLibs;

namespace Workflow.Exports;

/// <summary>
/// The spreadsheet operators keep a plan's unit list in (<see cref="UnitFileReader"/> reads it back): row 1 names the
/// columns, row 2 is a row of notes in parentheses (the reader skips it), each following row is a unit; a unit under
/// another names it in «Đơn vị cấp trên». The workbook's second sheet explains each column; the CSV is the same two lines.
/// </summary>
public static class UnitTemplate
{
    public const string Id = "Mã đơn vị";
    public const string Name = "Tên đơn vị";
    public const string Block = "Khối";
    public const string Emails = "Thư điện tử";
    public const string Parent = "Đơn vị cấp trên";
    public const string Supervisor = "Thành viên phụ trách";
    public const string ManagedBy = "Đơn vị quản lý";
    public const string IsPolice = "Thuộc Công an";

    /// <summary>Each column: its label, the plan JSON name the reader also accepts as a header, and the note of row 2.</summary>
    public static IReadOnlyList<(string Label, string Key, string Note)> Columns { get; } =
    [
        (Id, "id", "(bắt buộc; chữ không dấu, số, '-', '_', '.'; không trùng; ví dụ: bcd-yen-the)"),
        (Name, "name", "(bắt buộc; ví dụ: Ban Chỉ đạo huyện Yên Thế)"),
        (Block, "block", "(bắt buộc; mã hoặc tên một khối của kế hoạch; ví dụ: district-committee)"),
        (Emails, "emails", "(bắt buộc; một hoặc nhiều địa chỉ, cách nhau bằng dấu ;)"),
        (Parent, "parent", "(không bắt buộc; mã đơn vị cấp trên có trong tệp; để trống nếu trực thuộc kế hoạch)"),
        (Supervisor, "supervisor", "(không bắt buộc; mã thành viên Ban Chỉ đạo phụ trách; ví dụ: tv-01)"),
        (ManagedBy, "managedBy", "(không bắt buộc; mã đơn vị Công an quản lý, có trong tệp)"),
        (IsPolice, "isPolice", "(không bắt buộc; ghi «x» hoặc «có» nếu là đơn vị thuộc Công an)"),
    ];

    public static void WriteXlsx(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var notes = Columns.ToDictionary(c => c.Label, c => (object?)c.Note);
        var guide = Columns.Select(c => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Cột"] = c.Label,
            ["Tên trong kế hoạch (JSON)"] = c.Key,
            ["Cách ghi"] = c.Note.Trim('(', ')'),
        }).ToList();
        guide.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Cột"] = "Cách điền",
            ["Tên trong kế hoạch (JSON)"] = "",
            ["Cách ghi"] = $"Trang «{TableFileReader.DataSheet}»: giữ nguyên dòng 1 (tên cột); dòng 2 (ghi chú trong ngoặc) có thể giữ hoặc xoá; mỗi dòng sau là một đơn vị, "
                + $"tối đa {UnitFileReader.MaxUnits.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đơn vị. Lưu dạng .xlsx (hoặc CSV UTF-8) rồi tải lên khi soạn kế hoạch.",
        });
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [TableFileReader.DataSheet] = new List<Dictionary<string, object?>> { notes },
            ["Hướng dẫn"] = guide,
        };
        output.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
    }

    /// <summary>The header line and the notes line, comma-separated, UTF-8 with a BOM (as the exports are).</summary>
    public static void WriteCsv(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ConsolidationExporter.WriteCsv(
            new ExportTable("don-vi", TableFileReader.DataSheet, [.. Columns.Select(c => c.Label)], [[.. Columns.Select(c => (object?)c.Note)]]),
            output);
    }
}
