namespace Workflow.Domain.Plans;

/// <summary>Something each unit in scope must hand in: a report, a registration, an implementation plan.</summary>
public sealed record Deliverable
{
    public required string Id { get; init; }
    public required DeliverableKind Kind { get; init; }
    public required string Title { get; init; }
    public required UnitScope AppliesTo { get; init; }
    public required Deadline Deadline { get; init; }
    public LatePolicy LatePolicy { get; init; } = LatePolicy.AcceptAndMarkLate;
    public IReadOnlyList<OutlineSection> Outline { get; init; } = [];
    public IReadOnlyList<StatisticalForm> Forms { get; init; } = [];
}
