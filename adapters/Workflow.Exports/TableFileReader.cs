using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using MiniExcelLibs;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Exports;

/// <summary>
/// Reads the rows of a table field from a spreadsheet a unit filled (the template's .xlsx, or a .csv): the header row
/// (row 1) names the columns by their labels, each following row is a row of the table. Nothing in the file is
/// trusted: its size, its package (entries and expanded size, by what the archive declares, before a library opens it)
/// and its row count are bounded, a corrupt file is a refusal with a Vietnamese message, never an exception, and
/// every cell is checked by <see cref="TableCell.Problem"/> and stored as <see cref="TableCell.Normalize"/> gives it.
/// Excel's own types are read as a unit means them: a date cell (a DateTime, or a serial number in a date column)
/// is a day, a number is written invariant.
/// </summary>
public static class TableFileReader
{
    /// <summary>A table of a few hundred rows is a few tens of kilobytes; anything near this is not one.</summary>
    public const long MaxBytes = 2L * 1024 * 1024;

    /// <summary>What the parts of an .xlsx may expand to, by their declared sizes (inflating stops at those).</summary>
    public const long MaxExpandedBytes = 20L * 1024 * 1024;

    /// <summary>Parts of an .xlsx: a workbook of a few sheets has about a dozen.</summary>
    public const int MaxEntries = 200;

    /// <summary>
    /// The widest sheet read: the old .xls width (A to IV). The library builds every row as wide as the sheet's widest
    /// cell, at a cost that grows faster than the width (a cell at XFD1, Excel's last column, took seconds a row).
    /// </summary>
    public const int MaxColumns = 256;

    /// <summary>Blank rows tolerated between and after the rows, beyond which reading stops (an unbounded sheet is not read to its end).</summary>
    public const int MaxBlankRows = 200;

    /// <summary>The sheet of the template the rows go in; another workbook's first sheet is read instead.</summary>
    public const string DataSheet = "Dữ liệu";

    private const string Corrupt = "Tệp Excel bị hỏng hoặc không đọc được; mở lại bằng Excel, lưu dạng .xlsx rồi gửi lại.";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="content"/>, a file named <paramref name="fileName"/> (.xlsx or .csv), as rows of <paramref name="field"/>.</summary>
    public static TableFileResult Read(FormField field, string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            return TableFileResult.Refused($"Chỉ nhận bảng dạng .xlsx (Excel) hoặc .csv, không nhận «{Quote(extension)}».");
        }

        using var buffer = new MemoryStream();
        if (Load(content, buffer) is { } refusal)
        {
            return TableFileResult.Refused(refusal);
        }

        return extension == ".xlsx" ? ReadXlsx(field, buffer) : ReadCsv(field, buffer.ToArray());
    }

    /// <summary>
    /// The rows of a file (.xlsx or .csv) as text cells, bounded and checked as <see cref="Read"/> bounds and checks
    /// them, for readers of another shape (<see cref="UnitFileReader"/>); or the refusal of the file as a whole. Row i
    /// is the spreadsheet's row i + 1; reading stops after <paramref name="maxRows"/> rows that are not blank, plus one
    /// (so the caller sees there were more), or after <see cref="MaxBlankRows"/> blank rows in a row.
    /// </summary>
    internal static (IReadOnlyList<IReadOnlyList<string>> Rows, string? Refusal) Cells(string fileName, Stream content, int maxRows)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            return ([], $"Chỉ nhận bảng dạng .xlsx (Excel) hoặc .csv, không nhận «{Quote(extension)}».");
        }

        using var buffer = new MemoryStream();
        if (Load(content, buffer) is { } refusal)
        {
            return ([], refusal);
        }

        if (extension == ".csv")
        {
            var (records, problem) = CsvRecords(buffer.ToArray());
            return problem is not null ? ([], problem) : (Bounded(records!.Select(r => (IReadOnlyList<string>)r), maxRows), null);
        }

        if (PackageProblem(buffer) is { } package)
        {
            return ([], package);
        }

        try
        {
            if (XlsxRows(buffer) is not { } rows)
            {
                return ([], "Tệp Excel không có trang tính nào.");
            }

            return (Bounded(rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => Xlsx(Unnamed, c))]), maxRows), null);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            return ([], Corrupt);
        }
    }

    private static List<IReadOnlyList<string>> Bounded(IEnumerable<IReadOnlyList<string>> rows, int maxRows)
    {
        var kept = new List<IReadOnlyList<string>>();
        var (filled, blanks) = (0, 0);
        foreach (var row in rows)
        {
            var blank = row.All(string.IsNullOrWhiteSpace);
            blanks = blank ? blanks + 1 : 0;
            if (blanks > MaxBlankRows || (!blank && ++filled > maxRows + 1))
            {
                break;
            }

            kept.Add(row);
        }

        return kept;
    }

    /// <summary>Copies the upload into <paramref name="buffer"/>, refusing an empty one or one over <see cref="MaxBytes"/>.</summary>
    private static string? Load(Stream content, MemoryStream buffer)
    {
        var copied = new byte[81920];
        int read;
        while ((read = content.Read(copied, 0, copied.Length)) > 0)
        {
            buffer.Write(copied, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return $"Tệp bảng vượt quá {MaxBytes / (1024 * 1024)} MB; một bảng số liệu chỉ cần vài chục KB.";
            }
        }

        if (buffer.Length == 0)
        {
            return "Tệp rỗng (0 byte).";
        }

        buffer.Position = 0;
        return null;
    }

    /// <summary>The rows of the data sheet (or the first sheet); null when the workbook has no sheet. The library reads lazily: enumerate inside a try.</summary>
    private static IEnumerable<IReadOnlyList<object?>>? XlsxRows(MemoryStream content)
    {
        content.Position = 0;
        var sheets = MiniExcel.GetSheetNames(content);
        var sheet = sheets.FirstOrDefault(s => s == DataSheet) ?? sheets.FirstOrDefault();
        if (sheet is null)
        {
            return null;
        }

        content.Position = 0;
        return MiniExcel.Query(content, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(row => (IReadOnlyList<object?>)[.. row.Values]);
    }

    private static TableFileResult ReadXlsx(FormField field, MemoryStream content)
    {
        if (PackageProblem(content) is { } problem)
        {
            return TableFileResult.Refused(problem);
        }

        try
        {
            return XlsxRows(content) is { } rows ? Parse(field, rows, Xlsx) : TableFileResult.Refused("Tệp Excel không có trang tính nào.");
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // MiniExcel throws whatever its XML and ZIP readers throw on a damaged file; all of it means the same to a unit.
            return TableFileResult.Refused(Corrupt);
        }
    }

    /// <summary>
    /// The checks a zip bomb, a sheet stretched to Excel's last column or a file that is no workbook fails, made on the
    /// archive's declared sizes and a streaming read of the sheets' cell references; null when the library may open it.
    /// </summary>
    private static string? PackageProblem(MemoryStream content)
    {
        const string NotWorkbook = "Tệp không phải bảng tính Excel .xlsx hợp lệ (có thể đã bị đổi tên hoặc bị hỏng); mở bằng Excel, lưu dạng .xlsx rồi gửi lại.";
        try
        {
            content.Position = 0;
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = archive.Entries;
            if (entries.Count > MaxEntries || entries.Sum(e => e.Length) > MaxExpandedBytes)
            {
                return $"Tệp Excel quá lớn khi giải nén (quá {MaxEntries} phần hoặc quá {MaxExpandedBytes / (1024 * 1024)} MB); một bảng số liệu không cần đến vậy.";
            }

            // Deflate barely grows data: more compressed bytes than the declared size means the header understates it.
            if (entries.Any(e => e.CompressedLength > e.Length + (e.Length / 64) + 1024)
                || archive.GetEntry("[Content_Types].xml") is null || archive.GetEntry("xl/workbook.xml") is null)
            {
                return NotWorkbook;
            }

            foreach (var sheet in entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                if (Widest(sheet) > MaxColumns)
                {
                    return $"Trang tính có ô ở quá cột {Cell(MaxColumns - 1, 1)[..^1]} (có thể do định dạng cả hàng); bảng chỉ có {MaxColumns} cột là nhiều nhất. Xoá các cột thừa bên phải rồi gửi lại.";
                }
            }

            return null;
        }
        catch (XmlException)
        {
            return Corrupt;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            return NotWorkbook;
        }
    }

    /// <summary>The widest column a sheet's cells or its declared extent reach (1-based), or the most cells a row holds.</summary>
    private static int Widest(ZipArchiveEntry sheet)
    {
        using var stream = sheet.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        var widest = 0;
        var inRow = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "row":
                    inRow = 0;
                    break;
                case "c":
                    // A cell without a reference takes the next column, so the count bounds the width too.
                    widest = Math.Max(widest, Math.Max(++inRow, ColumnOf(xml.GetAttribute("r"))));
                    break;
                case "dimension":
                    widest = Math.Max(widest, (xml.GetAttribute("ref") ?? "").Split(':').Max(ColumnOf));
                    break;
            }
        }

        return widest;
    }

    /// <summary>The 1-based column of a reference such as "XFD1048576"; 0 when it has no letters.</summary>
    private static int ColumnOf(string? reference)
    {
        var column = 0;
        foreach (var c in reference ?? "")
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            // Capped, so a forged reference of many letters cannot overflow.
            column = Math.Min((column * 26) + (char.ToUpperInvariant(c) - 'A' + 1), 1_000_000);
        }

        return column;
    }

    private static TableFileResult ReadCsv(FormField field, byte[] bytes)
    {
        var (records, problem) = CsvRecords(bytes);
        return problem is not null ? TableFileResult.Refused(problem) : Parse(field, records!.Select(r => (IReadOnlyList<object?>)[.. r]), Csv);
    }

    /// <summary>The records of a CSV file in strict UTF-8 (a BOM skipped), or why it is not one.</summary>
    private static (List<List<string>>? Records, string? Problem) CsvRecords(byte[] bytes)
    {
        string text;
        try
        {
            var bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            text = StrictUtf8.GetString(bytes, bom, bytes.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            return (null, "Tệp CSV không lưu bằng mã UTF-8 nên tiếng Việt bị sai; trong Excel chọn «Lưu thành» → «CSV UTF-8 (Comma delimited)», hoặc gửi tệp .xlsx.");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, "Tệp CSV chứa ký tự NUL: không phải tệp văn bản.");
        }

        var (records, unclosed) = SplitCsv(text);
        return unclosed is { } line ? (null, $"Tệp CSV hỏng: dấu ngoặc kép mở ở dòng {line} không được đóng.") : (records, null);
    }

    /// <summary>
    /// RFC 4180 records. The separator is the one of the header line: a comma, or the semicolon Excel writes where the
    /// list separator is one (Vietnamese settings), or a tab. A quoted cell may hold separators, quotes ("") and line breaks.
    /// </summary>
    private static (List<List<string>> Records, int? UnclosedAt) SplitCsv(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end >= 0 ? text[..end] : text;
        var separator = new[] { ',', ';', '\t' }.MaxBy(c => firstLine.Count(x => x == c));
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var line = 1;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
                quoteLine = line;
            }
            else if (c == separator)
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            return (records, quoteLine);
        }

        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }

        return (records, null);
    }

    /// <summary>The header, then the rows, with every error named by its spreadsheet row and column.</summary>
    private static TableFileResult Parse(FormField field, IEnumerable<IReadOnlyList<object?>> sheet, Func<TableColumn, object?, string> text)
    {
        var limit = field.MaxRows ?? StatisticsValidator.MaxTableRows;
        var errors = new List<TableFileError>();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        TableColumn?[]? columns = null;
        var number = 0;
        var blanks = 0;
        foreach (var cells in sheet)
        {
            number++;
            if (columns is null)
            {
                columns = Header(field, cells, errors);
                if (errors.Count > 0)
                {
                    return new TableFileResult([], errors);
                }

                continue;
            }

            var values = cells.Select((cell, j) => Flatten(j < columns.Length && columns[j] is { } column ? text(column, cell) : text(Unnamed, cell))).ToList();
            if (values.All(string.IsNullOrWhiteSpace))
            {
                // Trailing and separating blank rows are common in spreadsheets; a sheet that goes on blank is not read to its end.
                if (++blanks > MaxBlankRows)
                {
                    break;
                }

                continue;
            }

            blanks = 0;
            if (rows.Count == limit)
            {
                errors.Add(new TableFileError("file", $"Dòng {number}: bảng «{field.Label}» có tối đa {limit.ToString("N0", Vietnamese)} dòng; tệp có nhiều hơn.", number));
                break;
            }

            var index = rows.Count;
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var j = 0; j < values.Count; j++)
            {
                if (j >= columns.Length || columns[j] is null)
                {
                    if (!string.IsNullOrWhiteSpace(values[j]))
                    {
                        errors.Add(new TableFileError("file", $"Dòng {number}, ô {Cell(j, number)}: có dữ liệu nhưng cột này không có tên ở dòng 1.", number));
                    }

                    continue;
                }

                var column = columns[j]!;
                if (!string.IsNullOrWhiteSpace(values[j]))
                {
                    row[column.Id] = TableCell.Problem(column, values[j]) is null ? TableCell.Normalize(column, values[j]) : values[j].Trim();
                }
            }

            foreach (var column in field.Columns)
            {
                if (TableCell.Problem(column, row.GetValueOrDefault(column.Id)) is { } problem)
                {
                    var at = Array.IndexOf(columns, column);
                    var where = at >= 0 ? $" (ô {Cell(at, number)})" : "";
                    errors.Add(new TableFileError($"rows[{index}].{column.Id}", $"Dòng {number}, cột «{column.Label}»{where}: {problem}", number, column.Id));
                }
            }

            rows.Add(row);
        }

        if (columns is null)
        {
            return TableFileResult.Refused($"Tệp không có dòng nào; dòng 1 phải là tên các cột: {string.Join("; ", field.Columns.Select(c => c.Label))}.");
        }

        return new TableFileResult(rows, errors);
    }

    /// <summary>Which column each header cell names (by label, by id, or "label (id)" as the template writes repeated labels); null for a blank one.</summary>
    private static TableColumn?[] Header(FormField field, IReadOnlyList<object?> cells, List<TableFileError> errors)
    {
        var columns = new TableColumn?[cells.Count];
        for (var j = 0; j < cells.Count; j++)
        {
            var name = Collapse(Convert.ToString(cells[j], CultureInfo.InvariantCulture));
            if (name.Length == 0)
            {
                continue;
            }

            var column = field.Columns.FirstOrDefault(c => !columns.Contains(c) && Names(c).Contains(name, StringComparer.OrdinalIgnoreCase));
            if (column is null)
            {
                var repeated = field.Columns.Any(c => Names(c).Contains(name, StringComparer.OrdinalIgnoreCase));
                errors.Add(new TableFileError("file", repeated
                    ? $"Dòng 1, ô {Cell(j, 1)}: cột «{Quote(name)}» có hai lần."
                    : $"Dòng 1, ô {Cell(j, 1)}: «{Quote(name)}» không phải cột của bảng «{field.Label}». Dòng 1 phải là tên các cột: {string.Join("; ", field.Columns.Select(c => c.Label))}.", 1));
                continue;
            }

            columns[j] = column;
        }

        foreach (var missing in field.Columns.Where(c => c.Required && !columns.Contains(c)))
        {
            errors.Add(new TableFileError("file", $"Dòng 1: thiếu cột «{missing.Label}» (bắt buộc).", 1, missing.Id));
        }

        if (errors.Count == 0 && columns.All(c => c is null))
        {
            errors.Add(new TableFileError("file", $"Dòng 1 phải là tên các cột: {string.Join("; ", field.Columns.Select(c => c.Label))}.", 1));
        }

        return columns;
    }

    /// <summary>A line break typed in a cell (Alt+Enter) or a tab reads as a space: the table's cells are one line each.</summary>
    private static string Flatten(string cell) =>
        cell.AsSpan().IndexOfAny('\r', '\n', '\t') < 0 ? cell : string.Join(' ', cell.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static IEnumerable<string> Names(TableColumn column) => [Collapse(column.Label), column.Id, $"{Collapse(column.Label)} ({column.Id})"];

    /// <summary>A stand-in for cells under no header: read as text, only to see whether they are blank.</summary>
    private static readonly TableColumn Unnamed = new() { Id = "", Label = "", Type = ColumnType.Text };

    private static string Csv(TableColumn column, object? cell) => cell as string ?? "";

    /// <summary>An Excel cell as text the column's rules read.</summary>
    private static string Xlsx(TableColumn column, object? cell) => cell switch
    {
        null => "",
        string s => s,
        DateTime day when column.Type == ColumnType.Date => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime day => day.TimeOfDay == TimeSpan.Zero ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : day.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        // A date typed in a cell without a date format arrives as Excel's serial day number.
        double serial when column.Type == ColumnType.Date && serial >= 1 && serial < 2958466 && serial == Math.Floor(serial) =>
            DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // Through decimal, so 0.1 + 0.2 reads 0.3 and not 0.30000000000000004; beyond decimal's range it stays a refused number.
        double d when Math.Abs(d) < 1e15 => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>The spreadsheet's name of a cell: column letters (A, B, …, AA) and row number.</summary>
    private static string Cell(int column, int row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private static string Collapse(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A text from the file, cut and stripped of control characters, so a message never carries a forged payload whole.</summary>
    private static string Quote(string text)
    {
        var clean = new string([.. text.Where(c => !char.IsControl(c))]);
        return clean.Length > 60 ? string.Concat(clean.AsSpan(0, 60), "…") : clean;
    }
}
