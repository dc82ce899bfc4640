namespace Workflow.Domain.Consolidation;

/// <summary>A campaign target measured over the units in scope that reported, and the units that fell short.</summary>
public sealed record TargetOutcome(string TargetId, string Description, decimal? AchievedPercent, decimal MinPercent, bool Exclusive, bool Met, IReadOnlyList<UnitShortfall> Shortfalls);
