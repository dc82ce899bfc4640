namespace Workflow.Exports;

/// <summary>
/// The rows read from a table file (column id → cell, normalized where the cell fits its column, left out where blank)
/// and what is wrong with them; the rows are usable only when <see cref="Errors"/> is empty.
/// </summary>
public sealed record TableFileResult(IReadOnlyList<IReadOnlyDictionary<string, string>> Rows, IReadOnlyList<TableFileError> Errors)
{
    public bool Ok => Errors.Count == 0;

    public static TableFileResult Refused(string message) => new([], [new TableFileError("file", message)]);
}
