using System.Globalization;

namespace Workflow.Domain.Reports;

/// <summary>
/// Reads one cell of a table field as its column declares it. Cells travel as text: numbers in invariant form
/// ("12", "3.5"), dates as yyyy-MM-dd or dd/MM/yyyy, a year as four digits, a choice as one of the column's choices.
/// </summary>
public static class TableCell
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>Why the text does not fit the column, in Vietnamese; null when it does (an empty cell fits an optional column).</summary>
    public static string? Problem(TableColumn column, string? text)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (string.IsNullOrWhiteSpace(text))
        {
            return column.Required ? "không được để trống." : null;
        }

        var value = text.Trim();
        var max = column.Max is { } m && m < FormField.Ceiling ? m : FormField.Ceiling;
        return column.Type switch
        {
            ColumnType.Integer when !TryNumber(value, out var n) || n != decimal.Truncate(n) || n < 0 || n > max => $"phải là số nguyên từ 0 đến {max:N0}.",
            ColumnType.Decimal when !TryNumber(value, out var n) || n < 0 || n > max => $"phải là số từ 0 đến {max:N0}.",
            ColumnType.Date when !TryDate(value, out _) => "phải là ngày dạng dd/MM/yyyy.",
            ColumnType.Year when !TryYear(value, out _) => "phải là năm (4 chữ số, từ 1945 đến 2100).",
            ColumnType.Choice when !column.Choices.Contains(value, StringComparer.Ordinal) => $"phải là một trong: {string.Join("; ", column.Choices)}.",
            ColumnType.Text when value.Length > 2000 => "dài quá 2.000 ký tự.",
            ColumnType.Text when value.Any(char.IsControl) => "không được chứa ký tự điều khiển.",
            _ => null,
        };
    }

    /// <summary>The cell in the form it is stored in: numbers invariant, dates yyyy-MM-dd; text and choices trimmed.</summary>
    public static string Normalize(TableColumn column, string text)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        return column.Type switch
        {
            ColumnType.Integer or ColumnType.Decimal when TryNumber(value, out var n) => n.ToString(CultureInfo.InvariantCulture),
            ColumnType.Date when TryDate(value, out var day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    /// <summary>The cell as an operator reads it: dates dd/MM/yyyy, numbers with Vietnamese separators.</summary>
    public static string Display(TableColumn column, string? text)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        return column.Type switch
        {
            ColumnType.Date when TryDate(text.Trim(), out var day) => VietnamTime.FormatDate(day),
            ColumnType.Integer or ColumnType.Decimal when TryNumber(text.Trim(), out var n) => n.ToString("#,0.##", CultureInfo.GetCultureInfo("vi-VN")),
            _ => text.Trim(),
        };
    }

    /// <summary>A plausible cell for the <paramref name="row"/>-th row (from 0): for sample rows in demos and tests.</summary>
    public static string Example(TableColumn column, int row)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Type switch
        {
            ColumnType.Year => (2020 + (row % 80)).ToString(CultureInfo.InvariantCulture),
            ColumnType.Date => new DateOnly(2024, 1, 1).AddDays(row).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ColumnType.Choice => column.Choices[row % column.Choices.Count],
            ColumnType.Text => $"Nội dung dòng {row + 1}",
            ColumnType.Decimal => (row + 0.5m).ToString(CultureInfo.InvariantCulture),
            _ => ((row * 3) + 1).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary><paramref name="count"/> sample rows of a table field, every column filled.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ExampleRows(FormField field, int count)
    {
        ArgumentNullException.ThrowIfNull(field);
        return [.. Enumerable.Range(0, count).Select(i => (IReadOnlyDictionary<string, string>)field.Columns.ToDictionary(c => c.Id, c => Example(c, i), StringComparer.Ordinal))];
    }

    public static bool TryNumber(string text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    public static bool TryDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static bool TryYear(string text, out int year)
    {
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1945 and <= 2100)
        {
            return true;
        }

        year = 0;
        return false;
    }
}
