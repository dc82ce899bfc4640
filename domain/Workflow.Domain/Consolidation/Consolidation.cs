namespace Workflow.Domain.Consolidation;

/// <summary>The consolidated result of one deliverable (tổng hợp): per block and province, who was late or missing, targets.</summary>
public sealed record Consolidation(
    string DeliverableId,
    string Title,
    IReadOnlyList<BlockSummary> Blocks,
    BlockSummary Province,
    IReadOnlyList<string> LateUnits,
    IReadOnlyList<string> MissingUnits,
    IReadOnlyList<TargetOutcome> Targets);
