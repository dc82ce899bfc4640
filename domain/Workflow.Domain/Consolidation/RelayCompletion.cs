namespace Workflow.Domain.Consolidation;

/// <summary>
/// A relay in its parent's consolidation: its sub-cycle and its base units' completion once it reported a roll-up
/// (null before), and the figures it corrected.
/// </summary>
public sealed record RelayCompletion(string UnitId, string Name, string? SubCycleId, BaseCompletion? Base, IReadOnlyList<RollUpCorrection> Corrections)
{
    /// <summary>"Yên Thế: 28/30 đơn vị cơ sở đã nộp", or that the relay has not reported its roll-up yet.</summary>
    public string Describe() => Base is { } completion ? completion.Describe(Name) : $"{Name}: chưa báo cáo tổng hợp từ cơ sở";
}
