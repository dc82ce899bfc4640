namespace Workflow.Cli.Api;

/// <summary>The 202 of a relay's plan: its sub-cycle, the cycle above and the plan in brief (units, deliverables' deadlines).</summary>
internal sealed record SubCycleStarted(string CycleId, string? Url, string ParentCycleId, string RelayUnitId, string Title, int Units, IReadOnlyList<DeliverableInfo> Deliverables);
