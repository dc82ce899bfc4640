namespace Workflow.Orchestrations.Contracts;

/// <summary>The plan notice to one unit, with its tasks and its own upload link.</summary>
public sealed record UnitNotice(string CycleId, string UnitId);
