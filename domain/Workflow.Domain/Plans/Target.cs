namespace Workflow.Domain.Plans;

/// <summary>
/// A campaign target measured from the reports, e.g. "trên 80% cơ quan đạt tiêu chuẩn An toàn về ANTT" (004):
/// the share of reporting units in scope whose boolean field is true (or, with <see cref="TotalField"/>, the ratio of two
/// summed counts) must reach or exceed the threshold.
/// </summary>
public sealed record Target
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required string Deliverable { get; init; }
    public required string Form { get; init; }
    public required string Field { get; init; }

    /// <summary>
    /// Set when the units report counts rather than a yes/no: the target is then the sum of <see cref="Field"/> over the
    /// units in scope divided by the sum of this integer field of the same form (e.g. "số xã đạt" / "tổng số xã"),
    /// for things that are not reporting units themselves (thôn, xã, cơ quan under a district).
    /// </summary>
    public string? TotalField { get; init; }

    public required UnitScope AppliesTo { get; init; }

    /// <summary>Minimum share in percent (inclusive unless <see cref="Exclusive"/>).</summary>
    public required decimal MinPercent { get; init; }

    /// <summary>True when the text says "trên" (strictly more than).</summary>
    public bool Exclusive { get; init; }
}
