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

    /// <summary>
    /// A unit may hand it in or not ("nếu có"): reminded before the deadline, never chased, and never counted as missing.
    /// </summary>
    public bool Optional { get; init; }

    /// <summary>The forms a unit fills: those whose scope includes it; every form when no unit is named.</summary>
    public IEnumerable<StatisticalForm> FormsFor(Unit? unit) => unit is null ? Forms : Forms.Where(f => f.Includes(unit));
}
