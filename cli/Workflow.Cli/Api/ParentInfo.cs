namespace Workflow.Cli.Api;

/// <summary>For a sub-cycle: the cycle above it, the relay that runs it, and the relays from the top down.</summary>
internal sealed record ParentInfo(string ParentCycleId, string RelayUnitId, string? RelayName, IReadOnlyList<string>? Lineage);
