namespace Workflow.Domain.Consolidation;

/// <summary>
/// One row of a unit's table as the province reads it: the reporting unit, its block, the row's number in the unit's
/// own table (from 1), and the cells in the table's column order, shown with <see cref="TableCell.Display"/>.
/// </summary>
public sealed record ReportedRow(string UnitId, string UnitName, string BlockName, int Row, IReadOnlyList<string> Cells)
{
    /// <summary>For a row a relay rolled up from its sub-cycle: the unit under it the row came from.</summary>
    public string? Origin { get; init; }
}
