namespace Workflow.Domain.Consolidation;

/// <summary>Counts and field totals for one block, or for the whole province (<see cref="BlockId"/> null).</summary>
public sealed record BlockSummary(string? BlockId, string Name, int Expected, int OnTime, int Late, int Missing, IReadOnlyList<FieldTotal> Totals)
{
    /// <summary>
    /// Per form of the deliverable, how many of these units fill it: all of them unless the form is scoped. A form that
    /// none of them fills has no <see cref="Totals"/> here.
    /// </summary>
    public IReadOnlyList<FormCoverage> Coverage { get; init; } = [];

    /// <summary>Units that did not hand in an optional deliverable: counted apart, never as missing.</summary>
    public int NotRequired { get; init; }

    /// <summary>
    /// When relays of these units reported roll-ups: the base units under them all (a unit that is not a relay counts as
    /// one), so the province reads "28/30 đơn vị cơ sở đã nộp" through every level.
    /// </summary>
    public BaseCompletion? Base { get; init; }
}
