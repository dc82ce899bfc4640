namespace Workflow.Benchmarks.PerUnit;

/// <summary>The input of one unit's follow-up in the old design: the unit, the cycle's clock and its schedule points.</summary>
internal sealed record UnitFollowUp(string CycleId, string UnitId, BusinessClock Clock, IReadOnlyList<ScheduledPoint> Points);
