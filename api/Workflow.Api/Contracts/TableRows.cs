namespace Workflow.Api.Contracts;

/// <summary>
/// The rows read from a unit's filled table file, ready for the report's statistics: column id → cell, numbers
/// invariant, dates yyyy-MM-dd, blank cells left out. Nothing is stored; the report's submission is checked again.
/// </summary>
public sealed record TableRows(string Form, string Field, int Count, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);
