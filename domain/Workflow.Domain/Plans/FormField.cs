namespace Workflow.Domain.Plans;

public sealed record FormField
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required FieldType Type { get; init; }

    /// <summary>Unit of measure shown beside the value, e.g. "vụ", "người", "%".</summary>
    public string? Unit { get; init; }
}
