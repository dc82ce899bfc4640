namespace Workflow.Domain.Scheduling;

/// <summary>One point of a deadline group's schedule: what happens at its instant and to which units.</summary>
public sealed record GroupPoint(ScheduledPoint Point, DeadlineGroup Group);
