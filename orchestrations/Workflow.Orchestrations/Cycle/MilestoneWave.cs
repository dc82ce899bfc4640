using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Cycle;

/// <summary>
/// What a milestone does at one instant of the schedule: at each of its reminders, a milestone that consolidates takes
/// a snapshot first (its id derived from the point, so a replayed or retried step finds it again), then the plan's
/// operators get one reminder citing it. A milestone has no units, so the units' wave sends nothing for it. A snapshot
/// or mail that still fails after its retries is returned as a failed piece with what is needed to run it again; the
/// mail goes without its snapshot rather than not at all.
/// </summary>
internal static class MilestoneWave
{
    public static async Task<(BatchOutcome Outcome, List<(FailedPiece Piece, object Retry)> Failed)> RunAsync(
        TaskOrchestrationContext context, string cycleId, Plan plan, ScheduleStep? step, DeadlineEvaluator evaluator)
    {
        var failed = new List<(FailedPiece, object)>();
        var points = step?.Points.Where(p => p.Group.IsMilestone && p.Point.Kind == ScheduledPointKind.Reminder).ToList() ?? [];
        if (points.Count == 0)
        {
            return (BatchOutcome.None, failed);
        }

        var runs = await Task.WhenAll(points.Select(p => RemindAsync(context, cycleId, plan, p, step!.Instant, evaluator)));
        foreach (var (_, pieces) in runs)
        {
            failed.AddRange(pieces);
        }

        return (runs.Select(r => r.Outcome).Aggregate(BatchOutcome.None, (sum, o) => sum.Add(o)), failed);
    }

    private static async Task<(BatchOutcome Outcome, List<(FailedPiece, object)> Failed)> RemindAsync(
        TaskOrchestrationContext context, string cycleId, Plan plan, GroupPoint point, DateTimeOffset at, DeadlineEvaluator evaluator)
    {
        var failed = new List<(FailedPiece, object)>();
        var index = plan.Milestones.ToList().FindIndex(m => m.Id == point.Point.Subject);
        var milestone = plan.Milestones[index];
        var stamp = SnapshotIds.Stamp(at);
        string? snapshotId = null;
        if (milestone.Consolidate)
        {
            var request = new SnapshotRequest(cycleId, SnapshotIds.ForMilestone(at, milestone.Id, index), at, "Hệ thống (theo mốc công việc)", milestone.Id);
            var (snapshot, error) = await CyclePieces.TryAsync(context.CallActivityAsync<ConsolidationSnapshot>(nameof(ICycleActivities.TakeSnapshot), request, ActivityRetry.Default));
            snapshotId = snapshot?.Id;
            if (error is not null)
            {
                failed.Add((new FailedPiece($"snapshot-{stamp}-{index + 1}", PieceKind.Consolidation, $"Tổng hợp nhanh theo mốc «{milestone.Title}»", error, at, 1, milestone.Id), request));
            }
        }

        var mail = new MilestonePoint(cycleId, milestone.Id, point.Point.Key, point.Point.Sequence, evaluator.Cutoff(point.Group.Deadline), at, snapshotId);
        var (outcome, mailError) = await CyclePieces.TryAsync(context.CallActivityAsync<BatchOutcome>(nameof(ICycleActivities.SendMilestoneMail), mail, ActivityRetry.Default));
        if (mailError is not null)
        {
            failed.Add((new FailedPiece($"milestone-{stamp}-{index + 1}", PieceKind.Mails, $"{point.Point.Describe()} mốc «{milestone.Title}» (thư tới cơ quan thường trực)", mailError, at, 1, milestone.Id), mail));
        }

        return (outcome ?? BatchOutcome.None, failed);
    }
}
