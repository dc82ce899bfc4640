namespace Workflow.Domain.Consolidation;

/// <summary>
/// One table field of a deliverable, consolidated: every row every reporting unit gave, with the unit and its block,
/// in groups by the field's <see cref="FormField.GroupBy"/> column (one group when the field names none).
/// </summary>
/// <param name="Columns">The table's column labels, in the form's order; each row's <see cref="ReportedRow.Cells"/> follow it.</param>
/// <param name="GroupBy">The label of the column the rows are grouped by; null when they are not grouped.</param>
public sealed record ConsolidatedTable(
    string FormId,
    string FormTitle,
    string FieldId,
    string Label,
    IReadOnlyList<string> Columns,
    string? GroupBy,
    IReadOnlyList<TableGroup> Groups)
{
    /// <summary>Every row, group after group.</summary>
    public IEnumerable<ReportedRow> Rows => Groups.SelectMany(g => g.Rows);
}
