namespace Workflow.Domain.Plans;

/// <summary>A unit both lists hold whose fields differ: their names as the plan JSON spells them (parent: the unit it sits under).</summary>
public sealed record UnitChange(string Id, string Name, IReadOnlyList<string> Fields);
