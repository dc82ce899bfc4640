namespace Workflow.Api.Contracts;

/// <summary>A relay's sub-cycle, started: its id and address, and the plan it runs (units, deadlines) in brief.</summary>
public sealed record SubCycleStarted(string CycleId, string Url, string ParentCycleId, string RelayUnitId, string Title, int Units, IReadOnlyList<DeliverableInfo> Deliverables);
