namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Consolidate now without closing the cycle: every figure and export as of the business instant <see cref="At"/>, kept
/// as a snapshot under <see cref="SnapshotId"/> beside the final exports, never over them or another snapshot.
/// <see cref="Milestone"/> is set when a milestone's reminder asked for it; <see cref="RequestedBy"/> is who asked.
/// </summary>
public sealed record SnapshotRequest(string CycleId, string SnapshotId, DateTimeOffset At, string RequestedBy, string? Milestone = null, string? Note = null);
