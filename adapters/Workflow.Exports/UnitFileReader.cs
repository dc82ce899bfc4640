using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Workflow.Domain.Plans;

namespace Workflow.Exports;

/// <summary>
/// Reads a plan's unit list from a spreadsheet (<see cref="UnitTemplate"/>'s .xlsx, or a .csv) into the plan's unit
/// tree. The file is bounded and checked as <see cref="TableFileReader"/> checks a table; then every row is checked
/// against the plan being edited (its blocks and committee members) and the other rows (ids, parents, managers), and
/// every error is returned at once, named by row and column. A file with any bad row gives no units: half a list
/// applied would silently drop the rest.
/// </summary>
public static partial class UnitFileReader
{
    /// <summary>A province's list is a few hundred units; a national one is imported province by province.</summary>
    public const int MaxUnits = 5000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static UnitFileResult Read(Plan plan, string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var (rows, refusal) = TableFileReader.Cells(fileName, content, MaxUnits);
        if (refusal is not null)
        {
            return UnitFileResult.Refused(refusal);
        }

        if (rows.Count == 0 || rows[0].All(string.IsNullOrWhiteSpace))
        {
            return UnitFileResult.Refused($"Dòng 1 phải là tên các cột: {Expected}.");
        }

        var errors = new List<TableFileError>();
        var columns = Header(rows[0], errors);
        if (errors.Count > 0)
        {
            return new UnitFileResult([], errors);
        }

        var read = new List<Row>();
        for (var i = 1; i < rows.Count; i++)
        {
            var cells = rows[i];
            if (cells.All(string.IsNullOrWhiteSpace) || IsNotes(cells))
            {
                continue;
            }

            if (read.Count == MaxUnits)
            {
                errors.Add(new TableFileError("file", $"Dòng {i + 1}: danh sách có tối đa {MaxUnits.ToString("N0", Vietnamese)} đơn vị; tệp có nhiều hơn.", i + 1));
                break;
            }

            read.Add(new Row(i + 1, columns.ToDictionary(c => c.Key, c => c.Value < cells.Count ? Clean(cells[c.Value]) : "", StringComparer.Ordinal)));
        }

        var units = new Checker(plan, read, errors).Check();
        return errors.Count > 0 ? new UnitFileResult([], [.. errors.OrderBy(e => e.Row ?? 0)]) : new UnitFileResult(units, []);
    }

    private static string Expected => string.Join("; ", UnitTemplate.Columns.Select(c => c.Label));

    /// <summary>Which column each key is in; a header cell that names no column is an error, a required column missing too.</summary>
    private static Dictionary<string, int> Header(IReadOnlyList<string> cells, List<TableFileError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < cells.Count; j++)
        {
            var name = Clean(cells[j]);
            if (name.Length == 0)
            {
                continue;
            }

            var column = UnitTemplate.Columns.FirstOrDefault(c => string.Equals(c.Label, name, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Key, name, StringComparison.OrdinalIgnoreCase));
            if (column.Key is null)
            {
                errors.Add(new TableFileError("file", $"Dòng 1, cột {Letters(j)}: «{Quote(name)}» không phải cột của danh sách đơn vị. Các cột: {Expected}.", 1));
            }
            else if (!columns.TryAdd(column.Key, j))
            {
                errors.Add(new TableFileError("file", $"Dòng 1, cột {Letters(j)}: cột «{column.Label}» có hai lần.", 1, column.Key));
            }
        }

        foreach (var missing in UnitTemplate.Columns.Take(4).Where(c => !columns.ContainsKey(c.Key)))
        {
            errors.Add(new TableFileError("file", $"Dòng 1: thiếu cột «{missing.Label}» (bắt buộc).", 1, missing.Key));
        }

        return columns;
    }

    /// <summary>The template's row of notes: every filled cell in parentheses (no unit id can start with one).</summary>
    private static bool IsNotes(IReadOnlyList<string> cells) =>
        cells.Where(c => !string.IsNullOrWhiteSpace(c)).All(c => c.Trim() is var t && t.StartsWith('(') && t.EndsWith(')'));

    private static string Clean(string cell) => string.Join(' ', cell.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Letters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static string Quote(string text)
    {
        var clean = new string([.. text.Where(c => !char.IsControl(c))]);
        return clean.Length > 60 ? string.Concat(clean.AsSpan(0, 60), "…") : clean;
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeId();

    private sealed record Row(int Number, Dictionary<string, string> Cells)
    {
        public string this[string key] => Cells.GetValueOrDefault(key) ?? "";
    }

    private sealed class Checker(Plan plan, List<Row> rows, List<TableFileError> errors)
    {
        private readonly Dictionary<string, int> _firstRow = new(StringComparer.Ordinal);

        public List<Unit> Check()
        {
            var units = new Dictionary<Row, Unit>();
            foreach (var row in rows)
            {
                var id = row["id"];
                if (id.Length == 0)
                {
                    Error(row, "id", "thiếu mã đơn vị.");
                }
                else if (!SafeId().IsMatch(id))
                {
                    Error(row, "id", $"mã «{Quote(id)}» không hợp lệ: chỉ dùng chữ không dấu, số, '.', '_' hoặc '-' (tối đa 100 ký tự).");
                }
                else if (!_firstRow.TryAdd(id, row.Number))
                {
                    Error(row, "id", $"mã «{id}» bị trùng với dòng {_firstRow[id]}.");
                }

                units[row] = new Unit
                {
                    Id = id,
                    Name = Name(row),
                    Block = Block(row),
                    Emails = Emails(row),
                    Supervisor = Supervisor(row),
                    ManagedBy = Reference(row, "managedBy", "đơn vị quản lý"),
                    IsPolice = Police(row),
                };
                _ = Reference(row, "parent", "đơn vị cấp trên");
            }

            Cycles();
            if (errors.Count > 0)
            {
                return [];
            }

            // The tree, each level in the file's order.
            var children = rows.Where(r => r["parent"].Length > 0).ToLookup(r => r["parent"], StringComparer.Ordinal);
            Unit Build(Row row) => units[row] with { Units = [.. children[row["id"]].Select(Build)] };
            return [.. rows.Where(r => r["parent"].Length == 0).Select(Build)];
        }

        private string Name(Row row)
        {
            var name = row["name"];
            if (name.Length == 0)
            {
                Error(row, "name", "thiếu tên đơn vị.");
            }
            else if (name.Length > 300)
            {
                Error(row, "name", "tên đơn vị dài quá 300 ký tự.");
            }

            return name;
        }

        private string Block(Row row)
        {
            var value = row["block"];
            if (value.Length == 0)
            {
                Error(row, "block", "thiếu khối.");
                return "";
            }

            var block = plan.Blocks.FirstOrDefault(b => b.Id == value) ?? plan.Blocks.FirstOrDefault(b => string.Equals(b.Name, value, StringComparison.OrdinalIgnoreCase));
            if (block is null)
            {
                Error(row, "block", $"khối «{Quote(value)}» không có trong kế hoạch; các khối: {string.Join("; ", plan.Blocks.Select(b => $"{b.Id} ({b.Name})"))}.");
                return value;
            }

            return block.Id;
        }

        private List<string> Emails(Row row)
        {
            var emails = row["emails"].Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (emails.Count == 0)
            {
                Error(row, "emails", "thiếu địa chỉ thư điện tử.");
            }

            foreach (var email in emails.Where(e => !MailAddress.TryCreate(e, out var address) || address.Address != e))
            {
                Error(row, "emails", $"địa chỉ «{Quote(email)}» không hợp lệ.");
            }

            return emails;
        }

        private string? Supervisor(Row row)
        {
            var member = row["supervisor"];
            if (member.Length == 0)
            {
                return null;
            }

            if (!plan.Members.Any(m => m.Id == member))
            {
                Error(row, "supervisor", $"thành viên «{Quote(member)}» không có trong danh sách thành viên Ban Chỉ đạo của kế hoạch.");
            }

            return member;
        }

        /// <summary>A unit id another column names: one of the file's units, and not the row's own.</summary>
        private string? Reference(Row row, string key, string what)
        {
            var id = row[key];
            if (id.Length == 0)
            {
                return null;
            }

            if (id == row["id"])
            {
                Error(row, key, $"đơn vị không thể là {what} của chính mình.");
            }
            else if (!rows.Any(r => r["id"] == id))
            {
                Error(row, key, $"{what} «{Quote(id)}» không có trong tệp.");
            }

            return id;
        }

        private bool Police(Row row)
        {
            switch (row["isPolice"].ToLowerInvariant())
            {
                case "" or "không" or "khong" or "0" or "false" or "sai":
                    return false;
                case "x" or "có" or "co" or "1" or "true" or "đúng":
                    return true;
                default:
                    Error(row, "isPolice", $"«{Quote(row["isPolice"])}» không phải «x»/«có» hoặc để trống.");
                    return false;
            }
        }

        /// <summary>Units whose parents lead back to themselves: each is named, with the loop.</summary>
        private void Cycles()
        {
            var parentOf = rows.Where(r => r["id"].Length > 0 && r["parent"].Length > 0 && r["parent"] != r["id"])
                .GroupBy(r => r["id"], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()["parent"], StringComparer.Ordinal);
            foreach (var row in rows.Where(r => parentOf.ContainsKey(r["id"]) && _firstRow.GetValueOrDefault(r["id"]) == r.Number))
            {
                var path = new List<string> { row["id"] };
                var at = parentOf[row["id"]];
                while (at != row["id"] && !path.Contains(at) && parentOf.TryGetValue(at, out var next))
                {
                    path.Add(at);
                    at = next;
                }

                if (at == row["id"])
                {
                    Error(row, "parent", $"các đơn vị cấp trên tạo thành vòng lặp: {string.Join(" → ", path)} → {at}.");
                }
            }
        }

        private void Error(Row row, string key, string problem)
        {
            var label = UnitTemplate.Columns.First(c => c.Key == key).Label;
            errors.Add(new TableFileError("file", $"Dòng {row.Number}, cột «{label}»: {problem}", row.Number, key));
        }
    }
}
