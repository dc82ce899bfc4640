using Workflow.Domain.Plans;

namespace Workflow.Exports;

/// <summary>The units read from a unit list file, as a tree, or every error in it; never both (a file with one bad row gives no units).</summary>
public sealed record UnitFileResult(IReadOnlyList<Unit> Units, IReadOnlyList<TableFileError> Errors)
{
    public bool Ok => Errors.Count == 0;

    public static UnitFileResult Refused(string message) => new([], [new TableFileError("file", message)]);
}
