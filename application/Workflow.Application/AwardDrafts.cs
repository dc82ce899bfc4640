using Workflow.Documents;
using Workflow.Domain.Awards;

namespace Workflow.Application;

/// <summary>
/// The drafts a round's selection ends in (the tờ trình, the quyết định with its annex, and the list as a workbook),
/// built on demand from the nominee rows as they stand, so they always agree with the round's verdicts; and the signed
/// decision an operator enters, which makes each award a kept record for the years after.
/// </summary>
public sealed class AwardDrafts(CycleConsolidation consolidation, IAchievementRegistry registry, IStatusStore status, CycleClocks clocks)
{
    public const string Submission = "to-trinh.docx";
    public const string Decision = "quyet-dinh.docx";
    public const string List = "danh-sach.xlsx";

    public static IReadOnlyList<string> Files { get; } = [Submission, Decision, List];

    /// <summary>The round's draft as of the cycle's business date; null until the round has a selection.</summary>
    public async Task<(AwardDraft Draft, IReadOnlyList<Nomination> Awarded)?> DraftAsync(Plan plan, string cycleId, string roundId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var round = plan.NominationRounds.First(r => r.Id == roundId);
        if (await consolidation.SelectionAsync(plan, cycleId, roundId, cancellationToken) is not { } selection)
        {
            return null;
        }

        var awarded = selection.Accepted.Select(n => n.Nomination).ToList();
        var today = VietnamTime.LocalDay(await clocks.NowAsync(cycleId, cancellationToken), VietnamTime.ZoneOf(plan.TimeZone));
        var draft = AwardDraftBuilder.Build(plan, cycleId, round, awarded, selection.Nominees.Count, selection.Nominees.Count - awarded.Count, today);
        return (draft, awarded);
    }

    /// <summary>One of <see cref="Files"/> written out, with its content type.</summary>
    public static (byte[] Content, string ContentType) Write(AwardDraft draft, string file)
    {
        using var buffer = new MemoryStream();
        switch (file)
        {
            case Submission:
                AwardDocuments.WriteSubmission(draft, buffer);
                break;
            case Decision:
                AwardDocuments.WriteDecision(draft, buffer);
                break;
            case List:
                AwardDocuments.WriteList(draft, buffer);
                return (buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            default:
                throw new ArgumentOutOfRangeException(nameof(file), file, "Not a draft of an award round.");
        }

        return (buffer.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    /// <summary>
    /// Records the signed decision: every awardee's kept record gains the award (its number, date and authority,
    /// verified by the operator who entered it), and the cycle's timeline says who entered it. Entering the same
    /// number again changes nothing; another number for a round already decided is refused.
    /// </summary>
    public async Task<AwardDecisionResult> RecordDecisionAsync(
        Plan plan, string cycleId, string roundId, string? number, DateOnly? signedOn, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<FieldProblem>();
        var today = VietnamTime.LocalDay(await clocks.NowAsync(cycleId, cancellationToken), VietnamTime.ZoneOf(plan.TimeZone));
        if (string.IsNullOrWhiteSpace(number) || number.Length > 100 || number.Any(char.IsControl))
        {
            problems.Add(new FieldProblem("number", "Thiếu hoặc sai số quyết định (ví dụ 125/QĐ-UBND), tối đa 100 ký tự."));
        }

        if (signedOn is null)
        {
            problems.Add(new FieldProblem("signedOn", "Thiếu ngày ký quyết định."));
        }
        else if (signedOn > today)
        {
            problems.Add(new FieldProblem("signedOn", $"Ngày ký {VietnamTime.FormatDate(signedOn.Value)} sau ngày hiện tại của kỳ báo cáo ({VietnamTime.FormatDate(today)})."));
        }

        if (problems.Count > 0)
        {
            return new AwardDecisionResult(null, problems, false);
        }

        if (await DraftAsync(plan, cycleId, roundId, cancellationToken) is not var (draft, awarded))
        {
            return new AwardDecisionResult(null, [new FieldProblem("roundId", "Đợt khen thưởng chưa có kết quả lựa chọn nên chưa có quyết định để ghi.")], true);
        }

        var signed = number!.Trim();
        if (await registry.GetDecisionAsync(cycleId, roundId, cancellationToken) is { } existing)
        {
            return existing.Number == signed && existing.SignedOn == signedOn
                ? new AwardDecisionResult(existing, [], false)
                : new AwardDecisionResult(null, [new FieldProblem("number", $"Đợt này đã ghi Quyết định số {existing.Number} ngày {VietnamTime.FormatDate(existing.SignedOn)}.")], true);
        }

        var at = clocks.WallNow();
        var id = $"kt-{signedOn!.Value.Year}-{NomineeIdentity.Slug(roundId)}";
        var award = new AchievementRecord
        {
            Id = id.Length > 40 ? id[..40].TrimEnd('-') : id,
            Year = signedOn.Value.Year,
            Title = draft.AwardTitle,
            DecisionNumber = signed,
            DecisionDate = signedOn,
            Issuer = draft.Authority,
            Review = new RecordReview(ReviewVerdict.Verified, null, by, at),
        };
        foreach (var nomination in awarded)
        {
            await registry.UpdateAsync(nomination.ProposedBy, nomination.Identity,
                kept => KeptNominee.Take(kept, nomination.ProposedBy, cycleId, nomination with { Achievements = [.. nomination.Achievements, award] }, at), cancellationToken);
        }

        var decision = new AwardDecision(cycleId, roundId, signed, signedOn.Value, draft.Authority, draft.AwardTitle, [.. awarded.Select(n => n.Id)], by, at);
        await registry.SaveDecisionAsync(decision, cancellationToken);
        await status.AppendCycleEventAsync(new CycleEvent(
            cycleId, $"decision-{roundId}", await clocks.NowAsync(cycleId, cancellationToken), "decision",
            $"Quyết định số {signed} ngày {VietnamTime.FormatDate(signedOn.Value)} tặng {draft.AwardTitle} cho {awarded.Count} tập thể, cá nhân",
            $"Người nhập: {by}"), cancellationToken);
        return new AwardDecisionResult(decision, [], false);
    }
}
