namespace Workflow.Domain.Reports;

/// <summary>One reported value: a number (integer, decimal, percent), a yes/no, or text.</summary>
public sealed record FieldValue
{
    public decimal? Number { get; init; }
    public bool? Flag { get; init; }
    public string? Text { get; init; }

    /// <summary>How many of number, flag and text are set; a value is exactly one of them.</summary>
    public int KindCount() => (Number is null ? 0 : 1) + (Flag is null ? 0 : 1) + (Text is null ? 0 : 1);

    public static FieldValue Of(decimal number) => new() { Number = number };

    public static FieldValue Of(bool flag) => new() { Flag = flag };

    public static FieldValue Of(string text) => new() { Text = text };
}
