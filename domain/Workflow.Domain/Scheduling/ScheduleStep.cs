namespace Workflow.Domain.Scheduling;

/// <summary>One instant the cycle wakes at, with every group point that falls on it.</summary>
public sealed record ScheduleStep(DateTimeOffset Instant, IReadOnlyList<GroupPoint> Points);
