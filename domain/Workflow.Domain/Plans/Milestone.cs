namespace Workflow.Domain.Plans;

/// <summary>
/// An operator's own milestone in the plan ("Hội nghị tổng kết cấp tỉnh trước ngày 15/8/2024", a report to the ministry):
/// no unit hands anything in, but it shows on the timeline and the operators are reminded of it. With
/// <see cref="Consolidate"/>, the cycle takes a consolidation snapshot at each reminder, so the milestone's report cites one.
/// </summary>
public sealed record Milestone
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Deadline Deadline { get; init; }
    public bool Consolidate { get; init; }
}
