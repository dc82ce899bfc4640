namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// A milestone's reminder to the plan's operators, at the business instant <see cref="At"/>: sent once per point
/// (<see cref="PointKey"/>) and only while it is still true (before <see cref="Cutoff"/>). <see cref="SnapshotId"/> is
/// the snapshot the milestone took at this point, if it takes one; otherwise the mail cites the latest snapshot.
/// </summary>
public sealed record MilestonePoint(string CycleId, string Milestone, string PointKey, int Sequence, DateTimeOffset Cutoff, DateTimeOffset At, string? SnapshotId = null);
