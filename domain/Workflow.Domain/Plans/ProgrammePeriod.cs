namespace Workflow.Domain.Plans;

/// <summary>One period of a multi-year programme (002): it opens at its date with its own deliverables.</summary>
public sealed record ProgrammePeriod
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required ProgrammePeriodKind Kind { get; init; }
    public required DateOnly OpensOn { get; init; }
    public required DatePeriod DataPeriod { get; init; }
    public IReadOnlyList<Deliverable> Deliverables { get; init; } = [];
}
