using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Nominations;

namespace Workflow.Orchestrations.Cycle;

/// <summary>
/// One reporting cycle, as the plan runs it: record the plan and notify every unit, then sleep until each distinct
/// instant of the schedule (reminder, deadline, chase, escalation, round close, cycle close) and at each one send the
/// wave to the units that still owe, in batches. Who has handed in lives only in the status table, written by the
/// upload boundary, so an upload needs no event here and the cycle's episodes grow with its instants (tens), not its
/// units (thousands). An operator's extension re-plans the affected units' deadline group. Nomination rounds run as
/// sub-orchestrations started when they close. The custom status always says where the cycle is.
/// No piece can fail the cycle: a batch, a round or a part of the consolidation that still fails after its retries is
/// recorded as a <see cref="FailedPiece"/> (custom status, timeline) and the cycle goes on without it. An operator's
/// <see cref="PieceRetry"/> runs it again while the cycle runs; a closed cycle is started again with a
/// <see cref="CycleRepair"/> to retry a round or the consolidation.
/// </summary>
public sealed class ReportingCycleOrchestrator : TaskOrchestrator<CycleInput, CycleSummary>
{
    /// <summary>Units per activity: one provider request and one status range read each.</summary>
    public const int BatchSize = 250;

    public override async Task<CycleSummary> RunAsync(TaskOrchestrationContext context, CycleInput input)
    {
        if (input.Repair is { } repair)
        {
            return await RepairAsync(context, input, repair);
        }

        var plan = input.Plan;
        var clock = input.BusinessClock;
        var evaluator = new DeadlineEvaluator(plan.Zone());
        var closesAt = plan.ClosesAt();
        var progress = new CycleProgress
        {
            Phase = CyclePhase.Issuing,
            PhaseLabel = "Đang ban hành kế hoạch",
            Rehearsal = clock.IsRehearsal ? clock : null,
            ReachedAt = context.Now(clock),
        };
        context.SetCustomStatus(progress);

        var recordedPlan = await context.CallActivityAsync<PlanRecorded>(nameof(ICycleActivities.RecordPlan), input, ActivityRetry.Default);
        var pieces = new CyclePieces(input.CycleId);
        // A cycle of one batch had its notices sent with its plan (a history from before that, or a failed send, has none).
        var notices = (recordedPlan.Notices is null ? plan.Units : []).Select(u => u.Id).Chunk(BatchSize)
            .Select((units, i) => (Id: $"notices-{i + 1}", Title: $"Thư thông báo kế hoạch, nhóm {i + 1} ({units.Length} đơn vị)", Batch: new NoticeBatch(input.CycleId, units)))
            .ToList();
        var sent = await Task.WhenAll(notices.Select(n => CyclePieces.TryAsync(context.CallActivityAsync<BatchOutcome>(nameof(ICycleActivities.SendPlanNotices), n.Batch, ActivityRetry.Default))));
        for (var i = 0; i < notices.Count; i++)
        {
            if (sent[i].Error is { } error)
            {
                pieces.Notices[notices[i].Id] = notices[i].Batch;
                progress = await pieces.FailAsync(context, progress, new FailedPiece(notices[i].Id, PieceKind.PlanNotices, notices[i].Title, error, context.Now(clock), 1, notices[i].Batch.Units[0]));
            }
        }

        var changes = new List<DeadlineChange>();
        var rounds = pieces.Rounds;
        // Points that fell due before the cycle started (started late, or a rehearsal started mid-plan) are not sent in a burst.
        var reached = context.Now(clock).AddTicks(-1);
        var standsAt = clock.IsManual ? clock.BusinessOrigin : (DateTimeOffset?)null;
        var stood = standsAt;
        // Where an advance said the stored clock already stands (ClockAdvance.Recorded): no stand activity is needed there.
        DateTimeOffset? recorded = null;
        var extension = context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName);
        var retry = context.WaitForExternalEvent<PieceRetry>(PieceRetry.EventName);
        var advance = clock.IsManual ? context.WaitForExternalEvent<ClockAdvance>(ClockAdvance.EventName) : null;
        progress = progress with { Phase = CyclePhase.Collecting, PhaseLabel = "Đang thu báo cáo, hồ sơ" };
        // A plan recorded just now counted its fresh rows itself: no unit could hand in before they existed.
        var first = recordedPlan.Tally ?? await TallyAsync(context, input.CycleId, context.Now(clock));
        progress = WithTally(progress, first) with { StandsAt = standsAt };
        // Late refusals per proposal round, as the last tally read them from the audit.
        IReadOnlyDictionary<string, int> lateRejected = first.LateRejected ?? new Dictionary<string, int>();

        // Bounded by the schedule: every pass either acts on the next instant or takes an operator's event, and the close ends it.
        while (reached < closesAt)
        {
            progress = await pieces.HarvestRoundsAsync(context, progress, context.Now(clock));
            var schedule = CycleSchedule.Groups(plan, changes);
            var steps = CycleSchedule.After(CycleSchedule.Steps(plan, changes), reached);
            var closes = RoundCloses(plan, schedule, evaluator).Where(r => !rounds.ContainsKey(r.Round.Id) && r.At > reached).ToList();
            var next = steps.Select(s => s.Instant).Concat(closes.Select(c => c.At)).Append(closesAt).Where(t => t > reached).Min();
            progress = WithNextDeadline(progress, plan, schedule, reached) with { NextStepAt = next };
            context.SetCustomStatus(WithRounds(progress, plan, rounds.Values, lateRejected));

            if (clock.IsManual && standsAt < next)
            {
                // A stepped rehearsal stands where the operator left it until told to move on; the boundary reads that instant.
                if (stood != standsAt)
                {
                    if (recorded != standsAt)
                    {
                        await StandAsync(context, input.CycleId, clock, standsAt!.Value);
                    }

                    stood = standsAt;
                    progress = progress with { StandsAt = standsAt };
                    context.SetCustomStatus(WithRounds(progress, plan, rounds.Values, lateRejected));
                }

                var moved = await Task.WhenAny([advance!, extension, retry, .. pieces.RunningRounds]);
                if (moved == extension)
                {
                    (progress, extension) = await ExtendAsync(context, input.CycleId, plan, changes, progress, await extension, standsAt!.Value);
                    continue;
                }

                if (moved == retry)
                {
                    progress = await pieces.RetryAsync(context, plan, progress, await retry, standsAt!.Value, stepped: true);
                    retry = context.WaitForExternalEvent<PieceRetry>(PieceRetry.EventName);
                    continue;
                }

                if (moved != advance)
                {
                    // A round finished: its outcome (or failure) shows at once.
                    continue;
                }

                var moveTo = await advance!;
                standsAt = Max(standsAt!.Value, moveTo.To);
                recorded = moveTo.Recorded ? moveTo.To : recorded;
                advance = context.WaitForExternalEvent<ClockAdvance>(ClockAdvance.EventName);
                continue;
            }

            if (!clock.IsManual)
            {
                using var cancelWait = new CancellationTokenSource();
                var wait = context.WaitUntilAsync(clock, next, cancelWait.Token);
                var woke = await Task.WhenAny([wait, extension, retry, .. pieces.RunningRounds]);
                if (woke != wait)
                {
                    await cancelWait.CancelAsync();
                    if (woke == extension)
                    {
                        (progress, extension) = await ExtendAsync(context, input.CycleId, plan, changes, progress, await extension, context.Now(clock));
                    }
                    else if (woke == retry)
                    {
                        progress = await pieces.RetryAsync(context, plan, progress, await retry, context.Now(clock), stepped: false);
                        retry = context.WaitForExternalEvent<PieceRetry>(PieceRetry.EventName);
                    }

                    continue;
                }
            }

            reached = next;
            // The tally, and the stand of a stepped rehearsal moved to exactly this instant, need nothing from the wave:
            // running them beside it makes a step cost one round of activities instead of three.
            var standHere = clock.IsManual && standsAt == next && stood != standsAt;
            var step = steps.FirstOrDefault(s => s.Instant == next);
            var batches = WaveBatches(input.CycleId, plan, step, evaluator);
            // A small cycle's wave is one batch, which counts the cycle too: a commune's step is one activity, not two.
            // Only in cycles whose plan recording sent the notices (small ones, recorded since): an older history has its
            // tallies as activities of their own, and its replay must meet them.
            var tallied = batches.Count == 1 && recordedPlan.Notices is not null;
            if (tallied)
            {
                batches[0] = batches[0] with { Batch = batches[0].Batch with { TallyAt = next } };
            }

            var wave = SendWaveAsync(context, step, batches);
            var milestones = MilestoneWave.RunAsync(context, input.CycleId, plan, step, evaluator);
            var tally = tallied ? TallyAfterAsync(context, wave, input.CycleId, next) : TallyAsync(context, input.CycleId, next);
            var stand = standHere && recorded != next ? StandAsync(context, input.CycleId, clock, next) : Task.CompletedTask;
            foreach (var close in closes.Where(c => c.At == next))
            {
                pieces.StartRound(context, plan, close.Round, next, clock.IsManual);
            }

            await Task.WhenAll(wave, milestones, tally, stand);
            var (outcome, failed, _) = await wave;
            foreach (var (piece, batch) in failed)
            {
                pieces.Mails[piece.Id] = batch;
                progress = await pieces.FailAsync(context, progress, piece);
            }

            var (reminded, missed) = await milestones;
            outcome = outcome.Add(reminded);
            foreach (var (piece, again) in missed)
            {
                if (again is MilestonePoint mail)
                {
                    pieces.MilestoneMails[piece.Id] = mail;
                }
                else if (again is SnapshotRequest snapshot)
                {
                    pieces.Snapshots[piece.Id] = snapshot;
                }

                progress = await pieces.FailAsync(context, progress, piece);
            }

            if (standHere)
            {
                stood = next;
                progress = progress with { StandsAt = next };
            }

            lateRejected = (await tally).LateRejected ?? lateRejected;
            progress = WithTally(progress, await tally) with
            {
                ReachedAt = next,
                StepsDone = progress.StepsDone + 1,
                RemindersSent = progress.RemindersSent + outcome.Sent,
                MailsWithheld = progress.MailsWithheld + outcome.Untrue,
            };
        }

        if (clock.IsManual)
        {
            // Past the close nothing is accepted, and the consolidation is dated at the close.
            await StandAsync(context, input.CycleId, clock, closesAt);
            progress = progress with { StandsAt = closesAt };
        }

        progress = progress with { Phase = CyclePhase.Consolidating, PhaseLabel = "Đang tổng hợp", NextDeadline = null, NextDeadlineText = null, NextStepAt = null };
        context.SetCustomStatus(WithRounds(progress, plan, rounds.Values, lateRejected));
        await pieces.CloseRoundsAsync(context, plan, closesAt);
        progress = await pieces.HarvestRoundsAsync(context, progress, closesAt);
        var results = plan.NominationRounds.Where(r => rounds.ContainsKey(r.Id)).Select(r => rounds[r.Id].Result.Result).OfType<RoundResult>().ToList();
        return await ConsolidateAsync(context, input.CycleId, plan, pieces, WithRounds(progress, plan, rounds.Values, lateRejected), results, lateRejected, closesAt, fallback: null);
    }

    /// <summary>
    /// Consolidates with the rounds that have a result. A part that fails is a failed piece; if the step itself fails
    /// after its retries, the cycle still closes, with the counts it has and no exports, and the piece can be retried.
    /// The headline nomination figures of the summary and of the closed cycle's status are the same, from the
    /// consolidation's rounds (their late refusals counted last).
    /// </summary>
    private static async Task<CycleSummary> ConsolidateAsync(
        TaskOrchestrationContext context, string cycleId, Plan plan, CyclePieces pieces, CycleProgress progress, IReadOnlyList<RoundResult> results,
        IReadOnlyDictionary<string, int> lateRejected, DateTimeOffset at, CycleSummary? fallback)
    {
        progress = pieces.ForgetConsolidation(progress);
        var (summary, error) = await CyclePieces.TryAsync(context.CallActivityAsync<CycleSummary>(
            nameof(ICycleActivities.Consolidate), new ConsolidationRequest(cycleId, results), ActivityRetry.Default));
        if (summary is null)
        {
            summary = fallback ?? new CycleSummary(cycleId, progress.OnTime, progress.Late, progress.Missing, results, []);
            progress = await pieces.FailAsync(context, progress, new FailedPiece("consolidation", PieceKind.Consolidation, "Tổng hợp kết quả, lập tệp xuất", error!, at));
        }

        foreach (var part in summary.Failures ?? [])
        {
            progress = await pieces.FailAsync(context, progress, part);
        }

        var open = pieces.Failures.Count;
        var nominations = NominationFigures.Of(plan, summary.Rounds, lateRejected);
        context.SetCustomStatus(progress with
        {
            Phase = CyclePhase.Closed,
            PhaseLabel = open == 0 ? "Đã kết thúc" : $"Đã kết thúc, còn {open} phần lỗi có thể chạy lại",
            Nominations = nominations,
        });
        return summary with { Failures = [.. pieces.Failures], Nominations = nominations };
    }

    /// <summary>A closed cycle started again for one failed piece: a proposal round is judged again, then everything is consolidated again.</summary>
    private static async Task<CycleSummary> RepairAsync(TaskOrchestrationContext context, CycleInput input, CycleRepair repair)
    {
        var plan = input.Plan;
        var closesAt = plan.ClosesAt();
        var pieces = new CyclePieces(input.CycleId, repair.Previous.Failures ?? []);
        var progress = repair.Progress with { Phase = CyclePhase.Consolidating, PhaseLabel = "Đang chạy lại phần lỗi", Failures = [.. pieces.Failures] };
        context.SetCustomStatus(progress);
        var results = repair.Previous.Rounds.ToList();
        if (pieces.Failures.FirstOrDefault(f => f.Id == repair.PieceId) is { Kind: PieceKind.Round } failed
            && plan.NominationRounds.FirstOrDefault(r => r.Id == failed.Subject && r.PickedFrom is null) is { } round)
        {
            var run = await pieces.RerunRoundAsync(context, round, failed, closesAt);
            if (run.Result is not { } result)
            {
                progress = await pieces.FailAsync(context, progress, failed with { Reason = run.Error!, At = closesAt, Attempts = failed.Attempts + 1 });
                context.SetCustomStatus(progress with { Phase = CyclePhase.Closed, PhaseLabel = $"Đã kết thúc, còn {pieces.Failures.Count} phần lỗi có thể chạy lại" });
                return repair.Previous with { Failures = [.. pieces.Failures] };
            }

            progress = await pieces.RecoverAsync(context, progress, failed, repair.RequestedBy);
            var others = results.Where(r => r.RoundId != round.Id).Append(result).ToList();
            results = [.. plan.NominationRounds.SelectMany(r => others.Where(x => x.RoundId == r.Id))];
        }
        else if (pieces.Failures.FirstOrDefault(f => f.Id == repair.PieceId) is { Kind: PieceKind.Consolidation } part)
        {
            progress = await pieces.RecoverAsync(context, progress, part, repair.RequestedBy);
        }

        progress = progress with { Nominations = NominationFigures.Of(plan, results) };
        return await ConsolidateAsync(context, input.CycleId, plan, pieces, progress, results, new Dictionary<string, int>(), closesAt, repair.Previous);
    }

    /// <summary>Every mail point of the instant, in batches of units of one deadline group (deadlines themselves send nothing).</summary>
    private static List<(string Title, PointBatch Batch)> WaveBatches(string cycleId, Plan plan, ScheduleStep? step, DeadlineEvaluator evaluator) =>
        step is null
            ? []
            : [.. step.Points
                .Where(p => p.Point.Kind != ScheduledPointKind.Deadline)
                .SelectMany(p => p.Group.Units.Order(StringComparer.Ordinal).Chunk(BatchSize).Select(units => (Title: $"{p.Point.Describe()} «{plan.SubjectTitle(p.Point.Subject) ?? p.Point.Subject}» ({units.Length} đơn vị)", Batch: new PointBatch(
                    cycleId, p.Point.Subject, p.Point.Key, p.Point.Kind, p.Point.Sequence, evaluator.Cutoff(p.Group.Deadline), step.Instant, units))))];

    /// <summary>
    /// The wave's batches fanned out; a batch that fails is returned as a piece. The tally is the one a batch was asked
    /// to count (<see cref="PointBatch.TallyAt"/>), if it succeeded.
    /// </summary>
    private static async Task<(BatchOutcome Outcome, List<(FailedPiece Piece, PointBatch Batch)> Failed, Tally? Tally)> SendWaveAsync(
        TaskOrchestrationContext context, ScheduleStep? step, List<(string Title, PointBatch Batch)> batches)
    {
        if (step is null || batches.Count == 0)
        {
            return (BatchOutcome.None, [], null);
        }

        var runs = await Task.WhenAll(batches.Select(b => CyclePieces.TryAsync(context.CallActivityAsync<BatchOutcome>(nameof(ICycleActivities.SendPointMails), b.Batch, ActivityRetry.Default))));
        var failed = new List<(FailedPiece, PointBatch)>();
        for (var i = 0; i < batches.Count; i++)
        {
            if (runs[i].Error is { } error)
            {
                var id = $"mail-{step.Instant.UtcDateTime.ToString("yyyyMMdd'T'HHmm", System.Globalization.CultureInfo.InvariantCulture)}-{i + 1}";
                failed.Add((new FailedPiece(id, PieceKind.Mails, batches[i].Title, error, step.Instant, 1, batches[i].Batch.Units[0]), batches[i].Batch with { TallyAt = null }));
            }
        }

        var outcomes = runs.Select(r => r.Value).OfType<BatchOutcome>().ToList();
        return (outcomes.Aggregate(BatchOutcome.None, (sum, o) => sum.Add(o)), failed, outcomes.Select(o => o.Tally).FirstOrDefault(t => t is not null));
    }

    /// <summary>The tally the wave's single batch counted, or, if that batch failed, one of its own.</summary>
    private static async Task<Tally> TallyAfterAsync(
        TaskOrchestrationContext context, Task<(BatchOutcome Outcome, List<(FailedPiece Piece, PointBatch Batch)> Failed, Tally? Tally)> wave, string cycleId, DateTimeOffset at) =>
        (await wave).Tally ?? await TallyAsync(context, cycleId, at);

    /// <summary>
    /// An operator's extension; the first change naming a round the plan left undated dates it for all its proposers
    /// (their status rows are created then), after which its reminders and its close are scheduled like any other.
    /// </summary>
    private static async Task<(CycleProgress, Task<DeadlineExtension>)> ExtendAsync(
        TaskOrchestrationContext context, string cycleId, Plan plan, List<DeadlineChange> changes, CycleProgress progress, DeadlineExtension change, DateTimeOffset now)
    {
        var dates = plan.UndatedRounds().Any(r => r.Id == change.Subject) && changes.All(c => c.Subject != change.Subject);
        var units = AffectedUnits(plan, changes, change, dates);
        await context.CallActivityAsync<ExtensionApplied>(
            nameof(ICycleActivities.ApplyExtension), new ExtensionRequest(cycleId, change, units, now, dates), ActivityRetry.Default);
        changes.Add(new DeadlineChange(change.Subject, change.NewDeadline, dates ? [] : change.Units));
        return (progress with { Extensions = progress.Extensions + (dates ? 0 : 1), RoundsDated = progress.RoundsDated + (dates ? 1 : 0) },
            context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName));
    }

    private static Task StandAsync(TaskOrchestrationContext context, string cycleId, BusinessClock clock, DateTimeOffset at) =>
        context.CallActivityAsync<BusinessClock>(nameof(ICycleActivities.SetClock), new ClockRecord(cycleId, clock with { BusinessOrigin = at }), ActivityRetry.Default);

    private static Task<Tally> TallyAsync(TaskOrchestrationContext context, string cycleId, DateTimeOffset at) =>
        context.CallActivityAsync<Tally>(nameof(ICycleActivities.TallyReports), new TallyRequest(cycleId, at), ActivityRetry.Default);

    /// <summary>
    /// A proposal round closes at the latest cutoff among its proposers' groups (an extension can move some of them); a
    /// round the plan left undated closes only once an operator has dated it (its groups exist from then on).
    /// </summary>
    private static IEnumerable<(NominationRound Round, DateTimeOffset At)> RoundCloses(Plan plan, IReadOnlyList<DeadlineGroup> groups, DeadlineEvaluator evaluator) =>
        plan.NominationRounds
            .Where(r => r.PickedFrom is null)
            .Select(r => (Round: r, Cutoffs: groups.Where(g => !g.IsMilestone && g.Subject == r.Id).Select(g => evaluator.Cutoff(g.Deadline)).ToList()))
            .Where(r => r.Cutoffs.Count > 0 || r.Round.Deadline is not null)
            .Select(r => (r.Round, r.Cutoffs.Count > 0 ? r.Cutoffs.Max() : evaluator.Cutoff(r.Round.Deadline!)));

    /// <summary>The units whose deadline the change moves: all in scope when it names none, or when it dates a round.</summary>
    private static IReadOnlyList<string> AffectedUnits(Plan plan, IReadOnlyList<DeadlineChange> changes, DeadlineExtension change, bool dates)
    {
        var scope = CycleSchedule.Subjects(plan, changes).FirstOrDefault(s => s.Id == change.Subject)?.Scope
            ?? plan.UndatedRounds().FirstOrDefault(r => r.Id == change.Subject)?.Proposers
            ?? new UnitScope();
        var inScope = scope.Select(plan.Units).Select(u => u.Id).Distinct(StringComparer.Ordinal);
        return [.. change.Units.Count == 0 || dates ? inScope : inScope.Intersect(change.Units, StringComparer.Ordinal)];
    }

    private static CycleProgress WithTally(CycleProgress progress, Tally tally) => progress with
    {
        Expected = tally.Expected,
        OnTime = tally.OnTime,
        Late = tally.Late,
        Missing = tally.Missing,
        Pending = tally.Pending,
        NotRequired = tally.NotRequired,
    };

    private static CycleProgress WithRounds(CycleProgress progress, Plan plan, IEnumerable<Task<RoundRun>> rounds, IReadOnlyDictionary<string, int> lateRejected)
    {
        var closed = rounds.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result.Result).OfType<RoundResult>();
        return progress with { Nominations = NominationFigures.Of(plan, closed, lateRejected) };
    }

    private static CycleProgress WithNextDeadline(CycleProgress progress, Plan plan, IReadOnlyList<DeadlineGroup> groups, DateTimeOffset now)
    {
        var next = NextDeadline.After(plan, groups, now);
        return progress with { NextDeadline = next?.Cutoff, NextDeadlineText = next?.Text };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
