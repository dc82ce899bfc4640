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
/// </summary>
public sealed class ReportingCycleOrchestrator : TaskOrchestrator<CycleInput, CycleSummary>
{
    /// <summary>Units per activity: one provider request and one status range read each.</summary>
    public const int BatchSize = 250;

    public override async Task<CycleSummary> RunAsync(TaskOrchestrationContext context, CycleInput input)
    {
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

        await context.CallActivityAsync<PlanRecorded>(nameof(ICycleActivities.RecordPlan), input, ActivityRetry.Default);
        await Task.WhenAll(plan.Units.Select(u => u.Id).Chunk(BatchSize).Select(units =>
            context.CallActivityAsync<BatchOutcome>(nameof(ICycleActivities.SendPlanNotices), new NoticeBatch(input.CycleId, units), ActivityRetry.Default)));

        var changes = new List<DeadlineChange>();
        var rounds = new Dictionary<string, Task<RoundResult>>(StringComparer.Ordinal);
        // Points that fell due before the cycle started (started late, or a rehearsal started mid-plan) are not sent in a burst.
        var reached = context.Now(clock).AddTicks(-1);
        var standsAt = clock.IsManual ? clock.BusinessOrigin : (DateTimeOffset?)null;
        var stood = standsAt;
        var extension = context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName);
        var advance = clock.IsManual ? context.WaitForExternalEvent<ClockAdvance>(ClockAdvance.EventName) : null;
        progress = progress with { Phase = CyclePhase.Collecting, PhaseLabel = "Đang thu báo cáo, hồ sơ" };
        progress = WithTally(progress, await TallyAsync(context, input.CycleId, context.Now(clock))) with { StandsAt = standsAt };

        // Bounded by the schedule: every pass either acts on the next instant or takes an operator's event, and the close ends it.
        while (reached < closesAt)
        {
            var schedule = CycleSchedule.Groups(plan, changes);
            var steps = CycleSchedule.After(CycleSchedule.Steps(plan, changes), reached);
            var closes = RoundCloses(plan, schedule, evaluator).Where(r => !rounds.ContainsKey(r.Round.Id) && r.At > reached).ToList();
            var next = steps.Select(s => s.Instant).Concat(closes.Select(c => c.At)).Append(closesAt).Where(t => t > reached).Min();
            progress = WithNextDeadline(progress, schedule, evaluator, reached) with { NextStepAt = next };
            context.SetCustomStatus(WithRounds(progress, rounds.Values));

            if (clock.IsManual && standsAt < next)
            {
                // A stepped rehearsal stands where the operator left it until told to move on; the boundary reads that instant.
                if (stood != standsAt)
                {
                    await StandAsync(context, input.CycleId, clock, standsAt!.Value);
                    stood = standsAt;
                    progress = progress with { StandsAt = standsAt };
                    context.SetCustomStatus(WithRounds(progress, rounds.Values));
                }

                var moved = await Task.WhenAny(advance!, extension);
                if (moved == extension)
                {
                    (progress, extension) = await ExtendAsync(context, input.CycleId, plan, changes, progress, await extension, standsAt!.Value);
                    continue;
                }

                standsAt = Max(standsAt!.Value, (await advance!).To);
                advance = context.WaitForExternalEvent<ClockAdvance>(ClockAdvance.EventName);
                continue;
            }

            if (!clock.IsManual)
            {
                using var cancelWait = new CancellationTokenSource();
                var wait = context.WaitUntilAsync(clock, next, cancelWait.Token);
                if (await Task.WhenAny(wait, extension) == extension)
                {
                    await cancelWait.CancelAsync();
                    (progress, extension) = await ExtendAsync(context, input.CycleId, plan, changes, progress, await extension, context.Now(clock));
                    continue;
                }
            }

            reached = next;
            // The tally, and the stand of a stepped rehearsal moved to exactly this instant, need nothing from the wave:
            // running them beside it makes a step cost one round of activities instead of three.
            var standHere = clock.IsManual && standsAt == next && stood != standsAt;
            var wave = SendWaveAsync(context, input.CycleId, steps.FirstOrDefault(s => s.Instant == next), evaluator);
            var tally = TallyAsync(context, input.CycleId, next);
            var stand = standHere ? StandAsync(context, input.CycleId, clock, next) : Task.CompletedTask;
            foreach (var close in closes.Where(c => c.At == next))
            {
                StartRound(context, input.CycleId, plan, close.Round, next, rounds, clock.IsManual);
            }

            await Task.WhenAll(wave, tally, stand);
            var outcome = await wave;
            if (standHere)
            {
                stood = next;
                progress = progress with { StandsAt = next };
            }

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
        context.SetCustomStatus(WithRounds(progress, rounds.Values));
        var results = await CloseRoundsAsync(context, input.CycleId, plan, rounds, closesAt);
        var summary = await context.CallActivityAsync<CycleSummary>(
            nameof(ICycleActivities.Consolidate), new ConsolidationRequest(input.CycleId, results), ActivityRetry.Default);
        context.SetCustomStatus(WithRounds(progress with { Phase = CyclePhase.Closed, PhaseLabel = "Đã kết thúc" }, rounds.Values));
        return summary;
    }

    /// <summary>Every mail point of the instant, fanned out in batches of units of one deadline group.</summary>
    private static async Task<BatchOutcome> SendWaveAsync(TaskOrchestrationContext context, string cycleId, ScheduleStep? step, DeadlineEvaluator evaluator)
    {
        if (step is null)
        {
            return BatchOutcome.None;
        }

        var batches = step.Points
            .Where(p => p.Point.Kind != ScheduledPointKind.Deadline)
            .SelectMany(p => p.Group.Units.Order(StringComparer.Ordinal).Chunk(BatchSize).Select(units => new PointBatch(
                cycleId, p.Point.Subject, p.Point.Key, p.Point.Kind, p.Point.Sequence, evaluator.Cutoff(p.Group.Deadline), step.Instant, units)))
            .Select(batch => context.CallActivityAsync<BatchOutcome>(nameof(ICycleActivities.SendPointMails), batch, ActivityRetry.Default))
            .ToList();
        var outcomes = await Task.WhenAll(batches);
        return outcomes.Aggregate(BatchOutcome.None, (sum, o) => sum.Add(o));
    }

    private static async Task<(CycleProgress, Task<DeadlineExtension>)> ExtendAsync(
        TaskOrchestrationContext context, string cycleId, Plan plan, List<DeadlineChange> changes, CycleProgress progress, DeadlineExtension change, DateTimeOffset now)
    {
        var units = AffectedUnits(plan, change);
        await context.CallActivityAsync<ExtensionApplied>(
            nameof(ICycleActivities.ApplyExtension), new ExtensionRequest(cycleId, change, units, now), ActivityRetry.Default);
        changes.Add(new DeadlineChange(change.Subject, change.NewDeadline, change.Units));
        return (progress with { Extensions = progress.Extensions + 1 }, context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName));
    }

    private static Task StandAsync(TaskOrchestrationContext context, string cycleId, BusinessClock clock, DateTimeOffset at) =>
        context.CallActivityAsync<BusinessClock>(nameof(ICycleActivities.SetClock), new ClockRecord(cycleId, clock with { BusinessOrigin = at }), ActivityRetry.Default);

    private static Task<Tally> TallyAsync(TaskOrchestrationContext context, string cycleId, DateTimeOffset at) =>
        context.CallActivityAsync<Tally>(nameof(ICycleActivities.TallyReports), new TallyRequest(cycleId, at), ActivityRetry.Default);

    /// <summary>A proposal round closes at the latest cutoff among its proposers' groups (an extension can move some of them).</summary>
    private static IEnumerable<(NominationRound Round, DateTimeOffset At)> RoundCloses(Plan plan, IReadOnlyList<DeadlineGroup> groups, DeadlineEvaluator evaluator) =>
        plan.NominationRounds
            .Where(r => r.PickedFrom is null && r.Deadline is not null)
            .Select(r => (r, groups.Where(g => g.Subject == r.Id).Select(g => evaluator.Cutoff(g.Deadline)).DefaultIfEmpty(evaluator.Cutoff(r.Deadline!)).Max()));

    /// <summary>A proposal round is judged once it has closed; a level picked from it starts when it has been judged.</summary>
    private static void StartRound(
        TaskOrchestrationContext context, string cycleId, Plan plan, NominationRound round, DateTimeOffset closedAt, Dictionary<string, Task<RoundResult>> rounds, bool stepped)
    {
        rounds[round.Id] = context.CallSubOrchestratorAsync<RoundResult>(
            nameof(NominationRoundOrchestrator), new RoundInput(cycleId, round.Id, closedAt, [], stepped), new SubOrchestrationOptions { InstanceId = InstanceIds.Round(cycleId, round.Id) });
        foreach (var picked in plan.NominationRounds.Where(r => r.PickedFrom == round.Id))
        {
            rounds[picked.Id] = PickFromAsync(context, cycleId, picked, rounds[round.Id]);
        }
    }

    private static async Task<RoundResult> PickFromAsync(TaskOrchestrationContext context, string cycleId, NominationRound round, Task<RoundResult> lower)
    {
        var candidates = (await lower).AcceptedNominations;
        return await context.CallSubOrchestratorAsync<RoundResult>(
            nameof(NominationRoundOrchestrator), new RoundInput(cycleId, round.Id, null, candidates), new SubOrchestrationOptions { InstanceId = InstanceIds.Round(cycleId, round.Id) });
    }

    /// <summary>Rounds without a deadline never opened; a level still waiting for the province's picks is told the cycle has closed.</summary>
    private static async Task<IReadOnlyList<RoundResult>> CloseRoundsAsync(
        TaskOrchestrationContext context, string cycleId, Plan plan, Dictionary<string, Task<RoundResult>> rounds, DateTimeOffset closesAt)
    {
        await Task.WhenAll(plan.NominationRounds.Where(r => r.PickedFrom is null && rounds.ContainsKey(r.Id)).Select(r => rounds[r.Id]));
        foreach (var round in plan.NominationRounds.Where(r => r.PickedFrom is not null && rounds.TryGetValue(r.Id, out var task) && !task.IsCompleted))
        {
            context.SendEvent(InstanceIds.Round(cycleId, round.Id), CycleClosing.EventName, new CycleClosing(closesAt));
        }

        return await Task.WhenAll(plan.NominationRounds.Where(r => rounds.ContainsKey(r.Id)).Select(r => rounds[r.Id]));
    }

    private static IReadOnlyList<string> AffectedUnits(Plan plan, DeadlineExtension change)
    {
        var scope = plan.Subjects().FirstOrDefault(s => s.Id == change.Subject)?.Scope ?? new UnitScope();
        var inScope = scope.Select(plan.Units).Select(u => u.Id);
        return [.. change.Units.Count == 0 ? inScope : inScope.Intersect(change.Units, StringComparer.Ordinal)];
    }

    private static CycleProgress WithTally(CycleProgress progress, Tally tally) => progress with
    {
        Expected = tally.Expected,
        OnTime = tally.OnTime,
        Late = tally.Late,
        Missing = tally.Missing,
        Pending = tally.Pending,
    };

    private static CycleProgress WithRounds(CycleProgress progress, IEnumerable<Task<RoundResult>> rounds)
    {
        var closed = rounds.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToList();
        return progress with
        {
            NominationsReceived = closed.Sum(r => r.Received),
            NominationsAccepted = closed.Sum(r => r.Accepted),
            NominationsRejected = closed.Sum(r => r.Refused + r.LateRejected),
        };
    }

    private static CycleProgress WithNextDeadline(CycleProgress progress, IReadOnlyList<DeadlineGroup> groups, DeadlineEvaluator evaluator, DateTimeOffset now)
    {
        var next = groups
            .Select(g => (g.Deadline, Cutoff: evaluator.Cutoff(g.Deadline)))
            .Where(d => d.Cutoff > now)
            .OrderBy(d => d.Cutoff)
            .Select(d => ((DateTimeOffset, string)?)(d.Cutoff, d.Deadline.Describe()))
            .FirstOrDefault();
        return progress with { NextDeadline = next?.Item1, NextDeadlineText = next?.Item2 };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
