namespace Workflow.Domain.Consolidation;

/// <summary>A unit that did not meet a target, with the criterion and why.</summary>
public sealed record UnitShortfall(string UnitId, string UnitName, string Reason);
