using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Cycle;

/// <summary>
/// What milestones do at one instant of the schedule. At a reminder, a milestone that consolidates takes a snapshot (its
/// id derived from the point, so a replayed or retried step finds it again); once every snapshot of the instant is
/// taken, the plan's operators get one reminder per milestone, citing the snapshot it took or else the latest one. A
/// milestone has no units, so the units' wave sends nothing for it. A snapshot or mail that still fails after its
/// retries is returned as a failed piece with what is needed to run it again; the mail then goes without its snapshot.
/// </summary>
internal static class MilestoneWave
{
    public static async Task<(BatchOutcome Outcome, List<(FailedPiece Piece, object Retry)> Failed)> RunAsync(
        TaskOrchestrationContext context, string cycleId, Plan plan, ScheduleStep? step, DeadlineEvaluator evaluator)
    {
        var failed = new List<(FailedPiece, object)>();
        if (step is null || !step.Points.Any(p => p.Group.IsMilestone && p.Point.Kind == ScheduledPointKind.Reminder))
        {
            return (BatchOutcome.None, failed);
        }

        var at = step.Instant;
        var stamp = SnapshotIds.Stamp(at);
        var reminders = step.Points
            .Where(p => p.Group.IsMilestone && p.Point.Kind == ScheduledPointKind.Reminder)
            .Select(p => (Point: p, Index: IndexOf(plan, p.Point.Subject)))
            .Select(p => (p.Point, p.Index, Milestone: plan.Milestones[p.Index]))
            .ToList();

        var snapshots = reminders.Where(r => r.Milestone.Consolidate)
            .Select(r => (r.Index, r.Milestone, Request: new SnapshotRequest(cycleId, SnapshotIds.ForMilestone(at, r.Milestone.Id, r.Index), at, "Hệ thống (theo mốc công việc)", r.Milestone.Id)))
            .ToList();
        var taken = await Task.WhenAll(snapshots.Select(s => CyclePieces.TryAsync(
            context.CallActivityAsync<ConsolidationSnapshot>(nameof(ICycleActivities.TakeSnapshot), s.Request, ActivityRetry.Default))));
        var cited = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < snapshots.Count; i++)
        {
            if (taken[i].Value is { } snapshot)
            {
                cited[snapshots[i].Milestone.Id] = snapshot.Id;
            }
            else
            {
                var (index, milestone, request) = snapshots[i];
                failed.Add((new FailedPiece($"snapshot-{stamp}-{index + 1}", PieceKind.Consolidation, $"Tổng hợp nhanh theo mốc «{milestone.Title}»", taken[i].Error!, at, 1, milestone.Id), request));
            }
        }

        var mails = reminders
            .Select(r => (r.Index, r.Milestone, r.Point, Mail: new MilestonePoint(
                cycleId, r.Milestone.Id, r.Point.Point.Key, r.Point.Point.Sequence, evaluator.Cutoff(r.Point.Group.Deadline), at, cited.GetValueOrDefault(r.Milestone.Id))))
            .ToList();
        var sent = await Task.WhenAll(mails.Select(m => CyclePieces.TryAsync(
            context.CallActivityAsync<BatchOutcome>(nameof(ICycleActivities.SendMilestoneMail), m.Mail, ActivityRetry.Default))));
        for (var i = 0; i < mails.Count; i++)
        {
            if (sent[i].Error is { } error)
            {
                var (index, milestone, point, mail) = mails[i];
                failed.Add((new FailedPiece($"milestone-{stamp}-{index + 1}", PieceKind.Mails, $"{point.Point.Describe()} mốc «{milestone.Title}» (thư tới cơ quan thường trực)", error, at, 1, milestone.Id), mail));
            }
        }

        return (sent.Select(s => s.Value).OfType<BatchOutcome>().Aggregate(BatchOutcome.None, (sum, o) => sum.Add(o)), failed);
    }

    private static int IndexOf(Plan plan, string milestoneId)
    {
        for (var i = 0; i < plan.Milestones.Count; i++)
        {
            if (plan.Milestones[i].Id == milestoneId)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Plan '{plan.Id}' has no milestone '{milestoneId}'.");
    }
}
