using System.Text.RegularExpressions;

namespace Workflow.Domain.Access;

/// <summary>
/// An operator's scope: a unit of the tree and everything under it, or <see cref="Root"/>, the whole tree (the standing
/// agency). A cycle is in a scope when the scope's unit is one of the relays from the top cycle down to it (its lineage):
/// a district's scope holds the district's sub-cycle and those of its communes, never the province's cycle.
/// </summary>
public static partial class OperatorScope
{
    public const string Root = "*";

    /// <summary>The root, or a unit id as plans spell them (they become table keys, so the same safe alphabet).</summary>
    public static bool IsValid(string? scope) => scope == Root || (scope is not null && UnitId().IsMatch(scope));

    public static bool IsRoot(string? scope) => scope == Root;

    public static bool Covers(string? scope, IReadOnlyList<string> lineage)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        return IsRoot(scope) || (scope is not null && lineage.Contains(scope, StringComparer.Ordinal));
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex UnitId();
}
