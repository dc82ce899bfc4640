namespace Workflow.Domain.Consolidation;

/// <summary>
/// The consolidated result of one deliverable (tổng hợp): per block and province, who was late or missing, targets, and
/// the rows of its table fields.
/// </summary>
public sealed record Consolidation(
    string DeliverableId,
    string Title,
    IReadOnlyList<BlockSummary> Blocks,
    BlockSummary Province,
    IReadOnlyList<string> LateUnits,
    IReadOnlyList<string> MissingUnits,
    IReadOnlyList<TargetOutcome> Targets)
{
    /// <summary>Every table field of the deliverable's forms, in form order, with the rows of every unit that reported.</summary>
    public IReadOnlyList<ConsolidatedTable> Tables { get; init; } = [];

    /// <summary>Units that did not hand in an optional deliverable ("không nộp (không bắt buộc)"), apart from the missing ones.</summary>
    public IReadOnlyList<string> NotRequiredUnits { get; init; } = [];

    /// <summary>The units that relay the cycle to units under them, with their base units' completion once they reported a roll-up.</summary>
    public IReadOnlyList<RelayCompletion> Relays { get; init; } = [];
}
