namespace Workflow.Domain.Consolidation;

/// <summary>
/// The rows of a consolidated table that share a value of its group column. <see cref="Key"/> is the value as stored
/// (empty for rows that left it blank), <see cref="Title"/> as an operator reads it ("2023", "15/12/2023", "Không ghi").
/// A table that is not grouped has one group with an empty key and title.
/// </summary>
public sealed record TableGroup(string Key, string Title, IReadOnlyList<ReportedRow> Rows);
