namespace Workflow.Domain.Reports;

/// <summary>One reported value: a number (integer, decimal, percent), a yes/no, text, or the rows of a table.</summary>
public sealed record FieldValue
{
    public decimal? Number { get; init; }
    public bool? Flag { get; init; }
    public string? Text { get; init; }

    /// <summary>A table's rows: column id → the cell as text (numbers invariant, dates yyyy-MM-dd); empty cells may be left out.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>>? Rows { get; init; }

    /// <summary>How many of number, flag, text and rows are set; a value is exactly one of them.</summary>
    public int KindCount() => (Number is null ? 0 : 1) + (Flag is null ? 0 : 1) + (Text is null ? 0 : 1) + (Rows is null ? 0 : 1);

    public static FieldValue Of(decimal number) => new() { Number = number };

    public static FieldValue Of(bool flag) => new() { Flag = flag };

    public static FieldValue Of(string text) => new() { Text = text };

    public static FieldValue Of(IReadOnlyList<IReadOnlyDictionary<string, string>> rows) => new() { Rows = rows };
}
