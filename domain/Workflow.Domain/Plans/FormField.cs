namespace Workflow.Domain.Plans;

public sealed record FormField
{
    /// <summary>
    /// No reported number may exceed this, whatever the plan says: a province of any size sums far below
    /// <see cref="decimal.MaxValue"/> (7.9 × 10^28), so consolidation cannot overflow.
    /// </summary>
    public const decimal Ceiling = 1_000_000_000_000m;

    public required string Id { get; init; }
    public required string Label { get; init; }
    public required FieldType Type { get; init; }

    /// <summary>Unit of measure shown beside the value, e.g. "vụ", "người", "%".</summary>
    public string? Unit { get; init; }

    /// <summary>The largest number a unit may report for an integer or decimal field; <see cref="Ceiling"/> when absent.</summary>
    public decimal? Max { get; init; }

    /// <summary>The declared range of a number field: 0 to 100 for a percentage, otherwise 0 to <see cref="Max"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal Maximum => Type == FieldType.Percent ? 100 : Max is { } max && max < Ceiling ? max : Ceiling;

    /// <summary>The columns of a <see cref="FieldType.Table"/> field.</summary>
    public IReadOnlyList<TableColumn> Columns { get; init; } = [];

    /// <summary>The fewest rows a table field accepts; none required when absent.</summary>
    public int? MinRows { get; init; }

    /// <summary>The most rows a table field accepts.</summary>
    public int? MaxRows { get; init; }

    /// <summary>The column a table's consolidated rows are grouped by (e.g. the year or the kind).</summary>
    public string? GroupBy { get; init; }

    /// <summary>True when a number lies in the field's declared range.</summary>
    public bool Accepts(decimal number) => number >= 0 && number <= Maximum && (Type != FieldType.Integer || number == decimal.Truncate(number));
}
