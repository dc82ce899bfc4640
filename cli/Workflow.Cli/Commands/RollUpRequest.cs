namespace Workflow.Cli.Commands;

/// <summary>
/// A <c>rollup</c> command line: the sub-cycle and deliverable, the narrative file (null: only show), the statistics
/// file, the figures set ("form.field" → value), the reasons ("form.field" → reason) and the file-only forms.
/// </summary>
internal sealed record RollUpRequest(
    string SubCycleId,
    string DeliverableId,
    string? File,
    string? StatisticsFile,
    IReadOnlyDictionary<string, string> Sets,
    IReadOnlyDictionary<string, string> Reasons,
    IReadOnlyList<(string FormId, string Path)> Forms);
