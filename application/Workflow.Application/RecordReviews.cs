using Workflow.Domain.Consolidation;

namespace Workflow.Application;

/// <summary>
/// An operator's verdict on one achievement record of a nominee: written on the nominee's row and on the proposer's
/// kept record, recorded on the cycle's timeline (who, when, why), and the round judged again if it already was; a
/// proposer whose nominee's verdict that changes is told by e-mail, as it was told the verdict.
/// </summary>
public sealed class RecordReviews(IStatusStore status, IAchievementRegistry registry, CycleConsolidation consolidation, CycleClocks clocks, CycleMail mail)
{
    public async Task<RecordReviewResult> ReviewAsync(
        Plan plan, string cycleId, string roundId, string nominationId, string recordId, ReviewVerdict verdict, string? reason, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var round = plan.NominationRounds.FirstOrDefault(r => r.Id == roundId);
        if (round is null)
        {
            return RecordReviewResult.Missing($"Kế hoạch không có đợt khen thưởng «{roundId}».");
        }

        if (round.PickedFrom is { } lower)
        {
            return RecordReviewResult.Invalid("roundId", $"Thành tích được xác minh ở đợt đề nghị «{lower}», nơi đơn vị nộp hồ sơ.");
        }

        var row = (await status.ListNomineesAsync(cycleId, roundId, cancellationToken)).FirstOrDefault(r => r.NominationId == nominationId);
        if (row is null)
        {
            return RecordReviewResult.Missing($"Đợt «{round.Title}» không có đề nghị «{nominationId}».");
        }

        if (row.Achievements.FirstOrDefault(a => a.Id == recordId) is not { } record)
        {
            return RecordReviewResult.Missing($"Đề nghị «{row.Name}» không có thành tích «{recordId}».");
        }

        // A signed decision is final: a review then would judge again a list the authority has already signed.
        foreach (var level in plan.NominationRounds.Where(r => r.Id == roundId || r.PickedFrom == roundId))
        {
            if (await registry.GetDecisionAsync(cycleId, level.Id, cancellationToken) is { } signed)
            {
                return new RecordReviewResult(null, "roundId", $"«{level.Title}» đã có Quyết định số {signed.Number} ngày {VietnamTime.FormatDate(signed.SignedOn)}; thành tích không xét lại được nữa.", false) { Conflict = true };
            }
        }

        if (verdict == ReviewVerdict.Refused && string.IsNullOrWhiteSpace(reason))
        {
            return RecordReviewResult.Invalid("reason", "Không công nhận thành tích thì phải nêu lý do.");
        }

        var at = clocks.WallNow();
        var review = new RecordReview(verdict, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), by, at);
        var updated = await status.UpdateNomineeAsync(cycleId, roundId, nominationId, current =>
        {
            var now = current ?? row;
            return now with { Achievements = [.. now.Achievements.Select(a => a.Id == recordId ? a with { Review = review } : a)] };
        }, cancellationToken);

        var reviewed = record with { Review = review };
        var nomination = updated.ToNomination();
        await registry.UpdateAsync(row.ProposedBy, nomination.Identity,
            // The kept twin keeps where its file lies; only the review changes.
            kept => KeptNominee.Take(kept, row.ProposedBy, cycleId, nomination with { Achievements = [(AchievementMerge.Find(kept?.Records ?? [], record) ?? record) with { Review = review }] }, at) with
            {
                LastCycleId = kept?.LastCycleId ?? cycleId,
                LastNominationId = kept?.LastNominationId ?? nominationId,
            }, cancellationToken);

        var business = await clocks.NowAsync(cycleId, cancellationToken);
        var what = verdict == ReviewVerdict.Verified ? "Đã xác minh" : "Không công nhận";
        await status.AppendCycleEventAsync(new CycleEvent(
            cycleId, $"review-{nominationId}-{recordId}-{at.UtcTicks}", business, "review",
            $"{what} thành tích «{record.Title}» năm {record.Year} của «{row.Name}»",
            $"Người xác minh: {by}{(review.Reason is null ? "" : $"; lý do: {review.Reason}")}"), cancellationToken);

        var rejudged = await consolidation.RejudgeAsync(plan, cycleId, roundId, cancellationToken);
        if (rejudged.Any(r => r.Changed.Count > 0))
        {
            var rehearsal = (await clocks.ClockAsync(cycleId, cancellationToken)).IsRehearsal;
            foreach (var level in rejudged.Where(r => r.Changed.Count > 0))
            {
                await mail.SendRevisedVerdictsAsync(plan, cycleId, level.RoundId, level.Changed, $"review-{nominationId}-{recordId}-{at.UtcTicks}", rehearsal, cancellationToken);
            }
        }

        return new RecordReviewResult(reviewed, null, null, false);
    }
}
