namespace Workflow.Storage;

/// <summary>
/// A sub-cycle's place in the tree: the parent cycle it was issued under, the relay unit that runs it, and the relays
/// from the top cycle down to it (<see cref="Lineage"/>, ending with <see cref="RelayUnitId"/>). A top cycle has no link.
/// </summary>
public sealed record CycleLink(string CycleId, string ParentCycleId, string RelayUnitId, IReadOnlyList<string> Lineage, DateTimeOffset IssuedAt, string IssuedBy);
