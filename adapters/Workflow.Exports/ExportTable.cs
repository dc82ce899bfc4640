namespace Workflow.Exports;

/// <summary>One table of the consolidated results: a CSV file, or a sheet of the workbook.</summary>
public sealed record ExportTable(string Name, string SheetName, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
