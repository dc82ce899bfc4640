using System.Globalization;
using MiniExcelLibs;
using Workflow.Domain.Plans;

namespace Workflow.Exports;

/// <summary>
/// The spreadsheet operators keep a plan's unit list in (<see cref="UnitFileReader"/> reads it back): row 1 names the
/// columns, row 2 is a row of notes in parentheses (the reader skips it), each following row is a unit; a unit under
/// another names it in «Đơn vị cấp trên». The workbook's second sheet explains each column; the CSV is the same two lines.
/// Written with a plan's units, it holds one row per unit after the notes, each unit before the units under it, so the
/// operator edits the list the plan already has and the reader gives that same tree back.
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

    public static void WriteXlsx(Stream output) => WriteXlsx(output, []);

    /// <summary>The workbook with a row per unit of the tree (<see cref="Rows"/>) under the notes.</summary>
    public static void WriteXlsx(Stream output, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(units);
        var notes = Columns.ToDictionary(c => c.Label, c => (object?)c.Note);
        var data = new List<Dictionary<string, object?>> { notes };
        data.AddRange(Rows(units).Select(row => Columns.Select((c, i) => (c.Label, Value: row[i])).ToDictionary(c => c.Label, c => c.Value, StringComparer.Ordinal)));
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
            [TableFileReader.DataSheet] = data,
            ["Hướng dẫn"] = guide,
        };
        output.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
    }

    /// <summary>The header line and the notes line, comma-separated, UTF-8 with a BOM (as the exports are).</summary>
    public static void WriteCsv(Stream output) => WriteCsv(output, []);

    /// <summary>The header line, the notes line and a line per unit of the tree (<see cref="Rows"/>).</summary>
    public static void WriteCsv(Stream output, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(units);
        ConsolidationExporter.WriteCsv(
            new ExportTable("don-vi", TableFileReader.DataSheet, [.. Columns.Select(c => c.Label)], [[.. Columns.Select(c => (object?)c.Note)], .. Rows(units)]),
            output);
    }

    /// <summary>
    /// A row per unit in the columns' order, depth-first (a unit, then the units under it, which name it as their parent):
    /// e-mails joined by "; ", a police unit marked «x», empty cells for what the unit does not set.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Rows(IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var rows = new List<IReadOnlyList<object?>>();
        void Walk(IEnumerable<Unit> level, string? parent)
        {
            foreach (var unit in level)
            {
                rows.Add([unit.Id, unit.Name, unit.Block, string.Join("; ", unit.Emails), parent, unit.Supervisor, unit.ManagedBy, unit.IsPolice ? "x" : null]);
                Walk(unit.Units, unit.Id);
            }
        }

        Walk(units, null);
        return rows;
    }
}
