namespace Workflow.Domain.Plans;

/// <summary>
/// Where a derived plan comes from: the parent cycle it was issued under and the relay unit that issued it.
/// <see cref="Lineage"/> lists the relays from the top cycle down to this one, so a scope check needs no parent read.
/// </summary>
public sealed record PlanOrigin
{
    public required string ParentCycleId { get; init; }
    public required string ParentPlanId { get; init; }
    public required string RelayUnitId { get; init; }
    public required IReadOnlyList<string> Lineage { get; init; }
}
