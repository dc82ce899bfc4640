namespace Workflow.Domain.Plans;

/// <summary>Which units something applies to: every unit of the named blocks plus the named units.</summary>
public sealed record UnitScope
{
    public IReadOnlyList<string> Blocks { get; init; } = [];
    public IReadOnlyList<string> Units { get; init; } = [];

    public bool Includes(Unit unit) => Blocks.Contains(unit.Block) || Units.Contains(unit.Id);

    public IEnumerable<Unit> Select(IEnumerable<Unit> units) => units.Where(Includes);
}
