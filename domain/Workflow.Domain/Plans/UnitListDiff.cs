namespace Workflow.Domain.Plans;

/// <summary>
/// What replacing a plan's units with an imported list changes, so an operator sees it before applying it. Units are
/// matched by id across the whole tree (ids are unique in it); a unit moved under another parent is a change of its
/// <c>parent</c>, not a removal and an addition. <see cref="Added"/> and <see cref="Removed"/> hold the units without the
/// units under them (those are listed on their own).
/// </summary>
public sealed record UnitListDiff(IReadOnlyList<Unit> Added, IReadOnlyList<Unit> Removed, IReadOnlyList<UnitChange> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public static UnitListDiff Between(IReadOnlyList<Unit> current, IReadOnlyList<Unit> imported)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(imported);
        var before = Flatten(current);
        var after = Flatten(imported);
        var added = after.Where(a => !before.ContainsKey(a.Key)).Select(a => a.Value.Unit with { Units = [] }).ToList();
        var removed = before.Where(b => !after.ContainsKey(b.Key)).Select(b => b.Value.Unit with { Units = [] }).ToList();
        var changed = new List<UnitChange>();
        foreach (var (id, now) in after)
        {
            if (before.TryGetValue(id, out var was) && Fields(was, now) is { Count: > 0 } fields)
            {
                changed.Add(new UnitChange(id, now.Unit.Name, fields));
            }
        }

        return new UnitListDiff(added, removed, changed);
    }

    /// <summary>The plan with the imported units in place of its own (the caller validates the result: scopes may name removed units).</summary>
    public static Plan Apply(Plan plan, IReadOnlyList<Unit> imported)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(imported);
        return plan with { Units = imported };
    }

    private static List<string> Fields(Placed was, Placed now)
    {
        var (a, b) = (was.Unit, now.Unit);
        var fields = new List<string>();
        Add(fields, "name", a.Name != b.Name);
        Add(fields, "block", a.Block != b.Block);
        Add(fields, "emails", !a.Emails.SequenceEqual(b.Emails, StringComparer.OrdinalIgnoreCase));
        Add(fields, "supervisor", a.Supervisor != b.Supervisor);
        Add(fields, "managedBy", a.ManagedBy != b.ManagedBy);
        Add(fields, "isPolice", a.IsPolice != b.IsPolice);
        Add(fields, "parent", was.Parent != now.Parent);
        return fields;
    }

    private static void Add(List<string> fields, string name, bool differs)
    {
        if (differs)
        {
            fields.Add(name);
        }
    }

    /// <summary>Every unit of the tree by id, in tree order, with the id of the unit it sits under (first one wins on a duplicate).</summary>
    private static Dictionary<string, Placed> Flatten(IReadOnlyList<Unit> units)
    {
        var all = new Dictionary<string, Placed>(StringComparer.Ordinal);
        void Walk(IEnumerable<Unit> level, string? parent)
        {
            foreach (var unit in level)
            {
                all.TryAdd(unit.Id, new Placed(unit, parent));
                Walk(unit.Units, unit.Id);
            }
        }

        Walk(units, null);
        return all;
    }

    private sealed record Placed(Unit Unit, string? Parent);
}
