namespace Workflow.Domain.Consolidation;

/// <summary>Counts and field totals for one block, or for the whole province (<see cref="BlockId"/> null).</summary>
public sealed record BlockSummary(string? BlockId, string Name, int Expected, int OnTime, int Late, int Missing, IReadOnlyList<FieldTotal> Totals)
{
    /// <summary>Units that did not hand in an optional deliverable: counted apart, never as missing.</summary>
    public int NotRequired { get; init; }
}
