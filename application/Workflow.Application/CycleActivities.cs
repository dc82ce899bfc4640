using Microsoft.Extensions.Logging;
using Workflow.Domain.Validation;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Application;

/// <summary>
/// The cycle's activities: thin steps over storage, e-mail and the orchestration client. Each is idempotent, because
/// activities run at least once (seeded rows are inserted only if absent, mails are keyed, reminder counts are keyed by
/// their point, blobs are created conditionally).
/// </summary>
public sealed partial class CycleActivities(
    IPlanStore plans,
    IStatusStore status,
    CycleMail mail,
    CycleClocks clocks,
    CycleConsolidation consolidation,
    CycleTally tally,
    ConsolidationSnapshots snapshots,
    DurableTaskClient client,
    CycleStarter starter,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<CycleOptions> options,
    ILogger<CycleActivities> logger) : ICycleActivities
{
    public async Task<PlanRecorded> RecordPlan(CycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // CycleStarter stores the whole plan before the cycle starts and the orchestration carries only its schedule;
        // a cycle started with the whole plan in its input (a test, an older client) has it stored here.
        var stored = await plans.GetAsync(input.CycleId);
        var plan = stored ?? input.Plan;
        var errors = PlanValidator.Validate(plan);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The plan of cycle '{input.CycleId}' is invalid: {string.Join("; ", errors)}");
        }

        if (stored is null)
        {
            await plans.SaveAsync(input.CycleId, plan);
        }

        await status.EnsureCycleAsync(input.CycleId, options.Value.ReceiptPrefix);
        await status.SetClockAsync(input.CycleId, input.BusinessClock);
        var rows = plan.Units.SelectMany(unit => PlanLookup.Tasks(plan, unit)
            .Select(task => DeliverableStatus.Pending(new SubmissionKey(input.CycleId, unit.Id, task.Id), task.Deadline, task.LatePolicy, plan.TimeZone, task.Optional)))
            .ToList();
        var seeded = await status.SeedAsync(rows);
        await NoteAsync(input.CycleId, "plan-recorded", "Đã ghi nhận kế hoạch, lập danh sách đơn vị phải nộp",
            $"{plan.Units.Count} đơn vị, {rows.Count} nội dung phải nộp{(input.BusinessClock.IsRehearsal ? "; đây là đợt diễn tập" : "")}.", "plan");
        Log.PlanRecorded(logger, input.CycleId, plan.Units.Count, seeded);
        // Every row new: nothing handed in, nothing refused yet, so the cycle's first tally needs no read of its own. Not
        // for a sliding rehearsal, whose clock runs on far while the notices go out: its cycle counts after them.
        var clock = input.BusinessClock;
        var fresh = seeded == rows.Count && (clock.IsManual || !clock.IsRehearsal)
            ? CycleTally.Count(plan, rows, clock.ToBusiness(time.GetUtcNow()), plan.NominationRounds.Where(r => r.PickedFrom is null).ToDictionary(r => r.Id, _ => 0, StringComparer.Ordinal))
            : null;
        return new PlanRecorded(input.CycleId, plan.Units.Count, rows.Count, fresh, await NoticesWithPlanAsync(input, plan));
    }

    /// <summary>
    /// A cycle whose notices fit one batch (a commune's, in a national tree of thousands) has them sent here: one
    /// activity and one episode fewer per cycle. If sending fails, null, and the cycle sends them as its own batch,
    /// with its retries and its failed piece; keys already sent here are not sent twice.
    /// </summary>
    private async Task<BatchOutcome?> NoticesWithPlanAsync(CycleInput input, Plan plan)
    {
        if (plan.Units.Count > ReportingCycleOrchestrator.BatchSize)
        {
            return null;
        }

        try
        {
            return new BatchOutcome(await mail.SendPlanNoticesAsync(plan, input.CycleId, plan.Units, input.BusinessClock.IsRehearsal), 0, 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NoticesDeferred(logger, input.CycleId, ex);
            return null;
        }
    }

    public async Task<BatchOutcome> SendPlanNotices(NoticeBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var plan = await PlanOf(batch.CycleId);
        var units = batch.Units.Select(id => PlanLookup.Unit(plan, id)).ToList();
        var rehearsal = (await clocks.ClockAsync(batch.CycleId)).IsRehearsal;
        return new BatchOutcome(await mail.SendPlanNoticesAsync(plan, batch.CycleId, units, rehearsal), 0, 0);
    }

    public async Task<BatchOutcome> SendPointMails(PointBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var plan = await PlanOf(batch.CycleId);
        var clock = await clocks.ClockAsync(batch.CycleId);
        // A sliding rehearsal's clock may have run past the point by the time this runs; a stepped one stands behind it.
        var boundary = clock.ToBusiness(time.GetUtcNow());
        var now = boundary > batch.At ? boundary : batch.At;
        if (!MailTruth.IsTrue(batch.Kind, batch.Cutoff, plan.ClosesAt(), now))
        {
            Log.Withheld(logger, batch.CycleId, batch.PointKey, batch.Units.Count, now);
            return new BatchOutcome(0, 0, batch.Units.Count) { Tally = await TallyWithAsync(plan, batch) };
        }

        var evaluator = new DeadlineEvaluator(plan.Zone());
        var rows = await status.GetManyAsync(batch.CycleId, batch.Subject, batch.Units);
        // A unit whose deadline moved since the point was planned belongs to another group now.
        var owing = rows.Where(r => r.State != SubmissionState.Submitted && evaluator.Cutoff(r.Deadline) == batch.Cutoff).ToList();
        // Only units that can be mailed are counted as reminded.
        var mailable = owing.Where(r => PlanLookup.FindUnit(plan, r.UnitId)?.Emails.Count > 0).ToList();
        var sent = await mail.SendPointAsync(plan, batch, mailable, now, clock.IsRehearsal);
        await status.RecordRemindersAsync(mailable, batch.PointKey, now);
        return new BatchOutcome(sent, rows.Count(r => r.State == SubmissionState.Submitted), 0) { Tally = await TallyWithAsync(plan, batch) };
    }

    /// <summary>The cycle's count at <see cref="PointBatch.TallyAt"/> when the batch is its small cycle's whole wave.</summary>
    private async Task<Tally?> TallyWithAsync(Plan plan, PointBatch batch) =>
        batch.TallyAt is { } at ? await tally.CountAsync(plan, batch.CycleId, at) : null;

    public async Task<ExtensionApplied> ApplyExtension(ExtensionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var change = request.Extension;
        if (request.Dates)
        {
            return await DateRoundAsync(request);
        }

        foreach (var unitId in request.Units)
        {
            await status.UpdateAsync(new SubmissionKey(request.CycleId, unitId, change.Subject), s => s.WithDeadline(change.NewDeadline));
        }

        var plan = await PlanOf(request.CycleId);
        var scope = change.Units.Count == 0 ? "tất cả đơn vị" : string.Join(", ", change.Units.Select(u => PlanLookup.FindUnit(plan, u)?.Name ?? u));
        await NoteAsync(request.CycleId, "extension", $"Gia hạn «{plan.SubjectTitle(change.Subject) ?? change.Subject}» đến {change.NewDeadline.Describe()}",
            $"Áp dụng cho {scope}; người đề nghị: {change.RequestedBy}; lý do: {change.Reason}", $"{request.RecordedAt.UtcTicks}-{change.Subject}");
        Log.DeadlineExtended(logger, request.CycleId, change.Subject, change.NewDeadline.Describe(), request.Units.Count, change.RequestedBy, change.Reason);
        return new ExtensionApplied(request.CycleId, change, request.Units);
    }

    /// <summary>
    /// Dates a round the plan left undated: its proposers' rows first, then the stored plan, since the upload boundary
    /// takes dossiers once the plan is dated and every row must be there by then. Each step can run again.
    /// </summary>
    private async Task<ExtensionApplied> DateRoundAsync(ExtensionRequest request)
    {
        var change = request.Extension;
        var plan = await PlanOf(request.CycleId);
        var round = plan.NominationRounds.FirstOrDefault(r => r.Id == change.Subject && r.PickedFrom is null)
            ?? throw new InvalidOperationException($"Plan of cycle '{request.CycleId}' has no proposal round '{change.Subject}'.");
        var seeded = await status.SeedAsync(request.Units.Select(unitId =>
            DeliverableStatus.Pending(new SubmissionKey(request.CycleId, unitId, round.Id), change.NewDeadline, round.LatePolicy, plan.TimeZone, round.Optional)));
        await plans.UpdateAsync(request.CycleId, p => p.NominationRounds.Any(r => r.Id == round.Id && r.Deadline is null) ? p.WithRoundDeadline(round.Id, change.NewDeadline) : null);
        await NoteAsync(request.CycleId, "round-dated", $"Ấn định thời hạn «{round.Title}»: {change.NewDeadline.Describe()}",
            $"Áp dụng cho {request.Units.Count} đơn vị được đề nghị; người đề nghị: {change.RequestedBy}; lý do: {change.Reason}", $"{request.RecordedAt.UtcTicks}-{KeyOf(change.Subject)}");
        Log.RoundDated(logger, request.CycleId, round.Id, change.NewDeadline.Describe(), seeded, change.RequestedBy, change.Reason);
        return new ExtensionApplied(request.CycleId, change, request.Units);
    }

    public async Task<BusinessClock> SetClock(ClockRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // A stand only moves the stored clock on: an advance may already have moved a resting sub-cycle's clock further.
        if (record.Clock.IsManual && await status.StandClockAsync(record.CycleId, record.Clock.BusinessOrigin) is { IsManual: true } stood)
        {
            return stood;
        }

        await status.SetClockAsync(record.CycleId, record.Clock);
        return record.Clock;
    }

    public async Task<Tally> TallyReports(TallyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await tally.CountAsync(await PlanOf(request.CycleId), request.CycleId, request.At);
    }

    public async Task<RoundResult> EvaluateRound(RoundEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var plan = await PlanOf(evaluation.CycleId);
        var (round, outcome) = await consolidation.JudgeRoundAsync(plan, evaluation);
        // Every level mails its verdicts: a district's refusal reaches the commune that proposed, the province's the district.
        await mail.SendVerdictsAsync(plan, evaluation.CycleId, round.RoundId, outcome.Nominees, (await clocks.ClockAsync(evaluation.CycleId)).IsRehearsal);
        await NoteAsync(evaluation.CycleId, "round-closed", $"Kết thúc đợt «{plan.SubjectTitle(round.RoundId) ?? round.RoundId}»",
            $"Nhận {round.Received} đề nghị, đạt {round.Accepted}, không đạt {round.Refused}, từ chối do quá hạn {round.LateRejected}.", $"round-{round.RoundId}");
        return round;
    }

    public async Task<IReadOnlyList<string>> PendingQuotas(QuotaWait wait)
    {
        ArgumentNullException.ThrowIfNull(wait);
        var plan = await PlanOf(wait.CycleId);
        var round = plan.NominationRounds.FirstOrDefault(r => r.Id == wait.RoundId)
            ?? throw new InvalidOperationException($"Plan of cycle '{wait.CycleId}' has no round '{wait.RoundId}'.");
        var pending = round.PendingQuotas.ToList();
        if (pending.Count > 0)
        {
            await NoteAsync(wait.CycleId, "round-awaiting-quotas", $"Đợt «{round.Title}» chờ chỉ tiêu",
                $"Chưa có số lượng của {Describe(pending)}; đợt được xét khi cơ quan thường trực nhập đủ chỉ tiêu.", KeyOf(wait.RunId));
        }

        return [.. pending.Select(q => q.Id)];
    }

    public async Task<RoundResult> CloseUnjudged(RoundUnjudged round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var plan = await PlanOf(round.CycleId);
        var planned = plan.NominationRounds.FirstOrDefault(r => r.Id == round.RoundId)
            ?? throw new InvalidOperationException($"Plan of cycle '{round.CycleId}' has no round '{round.RoundId}'.");
        var received = planned.PickedFrom is null ? (await status.ListNomineesAsync(round.CycleId, planned.Id)).Count : round.Picks.Count;
        var lateRejected = planned.PickedFrom is null
            ? (await status.ListAuditAsync(round.CycleId, planned.Id)).Count(a => a.Outcome == UploadOutcome.RejectedLate)
            : 0;
        var pending = planned.Quotas.Where(q => round.PendingQuotas.Contains(q.Id)).ToList();
        await NoteAsync(round.CycleId, "round-not-judged", $"Không xét đợt «{planned.Title}» do chưa có chỉ tiêu",
            $"Kỳ báo cáo kết thúc khi {Describe(pending)} chưa có số lượng; {received} đề nghị đã nhận không được xét.", KeyOf(planned.Id));
        Log.RoundNotJudged(logger, round.CycleId, planned.Id, received, string.Join(", ", round.PendingQuotas));
        return new RoundResult(planned.Id, received, 0, 0, lateRejected, [], NotJudged: true);
    }

    public async Task<CycleSummary> Consolidate(ConsolidationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await PlanOf(request.CycleId);
        var summary = await consolidation.ConsolidateAsync(plan, request);
        await NoteAsync(request.CycleId, "consolidated", "Đã tổng hợp kết quả, lập tệp xuất",
            $"Đúng hạn {summary.OnTime}, muộn {summary.Late}, không nộp {summary.Missing}; {summary.Exports.Count} tệp xuất.", "consolidated");
        return summary;
    }

    public async Task<ConsolidationSnapshot> TakeSnapshot(SnapshotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await snapshots.TakeAsync(request);
        Log.SnapshotTaken(logger, request.CycleId, snapshot.Id, snapshot.At, request.Milestone);
        return snapshot;
    }

    public async Task<BatchOutcome> SendMilestoneMail(MilestonePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var plan = await PlanOf(point.CycleId);
        var clock = await clocks.ClockAsync(point.CycleId);
        // As for the units' reminders: a sliding rehearsal may have run past the point, a stepped one stands behind it.
        var boundary = clock.ToBusiness(time.GetUtcNow());
        var now = boundary > point.At ? boundary : point.At;
        if (!MailTruth.IsTrue(ScheduledPointKind.Reminder, point.Cutoff, plan.ClosesAt(), now))
        {
            Log.Withheld(logger, point.CycleId, point.PointKey, 1, now);
            return new BatchOutcome(0, 0, 1);
        }

        var figures = await tally.CountAsync(plan, point.CycleId, point.At);
        var snapshot = point.SnapshotId is { } id ? await snapshots.GetAsync(point.CycleId, id) : await snapshots.LatestAsync(point.CycleId, point.At);
        var sent = await mail.SendMilestoneAsync(plan, point, figures, snapshot, clock.IsRehearsal);
        var title = plan.SubjectTitle(point.Milestone) ?? point.Milestone;
        var cited = snapshot is null ? "chưa có bản tổng hợp nào" : $"kèm bản tổng hợp lúc {VietnamTime.FormatDateTime(snapshot.At)} (mã {snapshot.Id})";
        await status.AppendCycleEventAsync(new CycleEvent(point.CycleId, EventKeys.Of("milestone", point.PointKey), point.At, "milestone-reminder",
            $"Nhắc mốc công việc «{title}»: còn {point.Sequence} ngày", $"Gửi tới {string.Join(", ", plan.OperatorEmails)}; {cited}."));
        return new BatchOutcome(sent ? 1 : 0, 0, 0);
    }

    public async Task<bool> NotePiece(PieceNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var piece = note.Piece;
        if (note.Recovered)
        {
            await NoteAsync(note.CycleId, "piece-recovered", $"Đã chạy lại thành công: {piece.Title}",
                $"Người yêu cầu: {note.RequestedBy ?? "không rõ"}; lần chạy thứ {piece.Attempts + 1}.", $"{piece.Id}-{piece.Attempts}");
            return true;
        }

        await NoteAsync(note.CycleId, "piece-failed", $"Lỗi, kỳ báo cáo vẫn tiếp tục: {piece.Title}",
            $"Lý do: {piece.Reason} (lần {piece.Attempts}; mã phần lỗi «{piece.Id}», có thể chạy lại).", $"{piece.Id}-{piece.Attempts}");
        Log.PieceFailed(logger, note.CycleId, piece.Id, piece.Attempts, piece.Reason);
        return true;
    }

    /// <summary>A retried start finds the cycle it started before.</summary>
    public async Task<string> StartPeriodCycle(CycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = InstanceIds.Cycle(input.CycleId);
        return await client.GetInstanceAsync(id) is not null
            ? id
            : await starter.StartAsync(client, input, id);
    }

    public async Task<int> WakeSubCycles(SubCycleWakes wakes)
    {
        ArgumentNullException.ThrowIfNull(wakes);
        // Sent again on a retry, an advance changes nothing: a cycle moves to the later of its stand and the instant.
        await Parallel.ForEachAsync(wakes.Cycles, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (wake, cancel) =>
            await client.RaiseEventAsync(wake.CycleId, ClockAdvance.EventName, new ClockAdvance(wakes.To, wakes.RequestedBy, wake.Recorded), cancel));
        return wakes.Cycles.Count;
    }

    public async Task<IReadOnlyList<string>> StillWaking(WakeCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var live = await SubCycleStates.LiveAsync(client, check.TopCycleId, check.Cycles.ToHashSet(StringComparer.Ordinal));
        return [.. live.Where(instance => !HasActed(instance, check.To)).Select(instance => instance.InstanceId)];
    }

    /// <summary>A cycle has acted on an advance once it stands there, or has reached a step at or after it.</summary>
    private static bool HasActed(OrchestrationMetadata instance, DateTimeOffset to) =>
        instance.ReadCustomStatusAs<CycleProgress>() is { } progress && (progress.StandsAt >= to || progress.ReachedAt >= to);

    /// <summary>A short key from any text (an instance id holds ':', which row keys of the cycle's history do not take).</summary>
    internal static string KeyOf(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];

    private static string Describe(IReadOnlyCollection<QuotaRule> quotas) =>
        quotas.Count == 0 ? "chỉ tiêu" : $"chỉ tiêu {string.Join(", ", quotas.Select(q => $"«{q.Description}»"))}";

    /// <summary>A line of the cycle's own history at its business time; the key keeps a retried step from writing it twice.</summary>
    private async Task NoteAsync(string cycleId, string kind, string title, string? detail, string key) =>
        await status.AppendCycleEventAsync(new CycleEvent(cycleId, $"{kind}-{key}", await clocks.NowAsync(cycleId), kind, title, detail));

    private async Task<Plan> PlanOf(string cycleId) =>
        await plans.GetAsync(cycleId) ?? throw new InvalidOperationException($"Cycle '{cycleId}' has no recorded plan.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Recorded the plan of cycle {CycleId}: {Units} units, {Seeded} status rows created")]
        public static partial void PlanRecorded(ILogger logger, string cycleId, int units, int seeded);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Cycle {CycleId}: deadline of {Subject} moved to {Deadline} for {Units} units at the request of {RequestedBy}: {Reason}")]
        public static partial void DeadlineExtended(ILogger logger, string cycleId, string subject, string deadline, int units, string requestedBy, string reason);

        [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Cycle {CycleId}: round {Round} dated {Deadline} ({Seeded} status rows created) at the request of {RequestedBy}: {Reason}")]
        public static partial void RoundDated(ILogger logger, string cycleId, string round, string deadline, int seeded, string requestedBy, string reason);

        [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Cycle {CycleId}: round {Round} closed without judgement, {Received} proposals, quotas without numbers: {Quotas}")]
        public static partial void RoundNotJudged(ILogger logger, string cycleId, string round, int received, string quotas);

        [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "Cycle {CycleId}: piece {PieceId} failed (attempt {Attempts}), the cycle goes on without it: {Reason}")]
        public static partial void PieceFailed(ILogger logger, string cycleId, string pieceId, int attempts, string reason);

        [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Cycle {CycleId}: consolidation snapshot {SnapshotId} as of {At:O} (milestone {Milestone})")]
        public static partial void SnapshotTaken(ILogger logger, string cycleId, string snapshotId, DateTimeOffset at, string? milestone);

        [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Cycle {CycleId}: the plan notices could not be sent with the plan; the cycle sends them as a batch of its own")]
        public static partial void NoticesDeferred(ILogger logger, string cycleId, Exception exception);

        [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Cycle {CycleId}: withheld {Units} mails of {PointKey}: at {Now:O} they would no longer be true")]
        public static partial void Withheld(ILogger logger, string cycleId, string pointKey, int units, DateTimeOffset now);
    }
}
