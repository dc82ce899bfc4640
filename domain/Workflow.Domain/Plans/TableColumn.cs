namespace Workflow.Domain.Plans;

/// <summary>One typed column of a table field, e.g. "Năm" (year), "Tiêu chí không đạt" (choice), "Lý do" (text).</summary>
public sealed record TableColumn
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required ColumnType Type { get; init; }

    /// <summary>A required column must be filled on every row.</summary>
    public bool Required { get; init; }

    /// <summary>The values a choice column accepts, as shown to units.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The largest number an integer or decimal column accepts; <see cref="FormField.Ceiling"/> when absent.</summary>
    public decimal? Max { get; init; }
}
