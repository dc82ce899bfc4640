namespace Workflow.Domain.Plans;

/// <summary>
/// A campaign target measured from the reports, e.g. "trên 80% cơ quan đạt tiêu chuẩn An toàn về ANTT" (004):
/// the share of reporting units in scope whose boolean field is true must exceed the threshold.
/// </summary>
public sealed record Target
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required string Deliverable { get; init; }
    public required string Form { get; init; }
    public required string Field { get; init; }
    public required UnitScope AppliesTo { get; init; }

    /// <summary>Minimum share in percent (inclusive unless <see cref="Exclusive"/>).</summary>
    public required decimal MinPercent { get; init; }

    /// <summary>True when the text says "trên" (strictly more than).</summary>
    public bool Exclusive { get; init; }
}
