using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.FollowUp;
using Workflow.Orchestrations.Nominations;

namespace Workflow.Orchestrations.Cycle;

/// <summary>
/// One reporting cycle: records the plan, notifies every unit, starts a follow-up per unit and deliverable and the
/// nomination rounds, applies deadline extensions while it waits, then consolidates and closes. Its custom status
/// always says where the cycle is.
/// </summary>
public sealed class ReportingCycleOrchestrator : TaskOrchestrator<CycleInput, CycleSummary>
{
    public override async Task<CycleSummary> RunAsync(TaskOrchestrationContext context, CycleInput input)
    {
        var plan = input.Plan;
        var evaluator = new DeadlineEvaluator(plan.Zone());
        var closesAt = plan.ClosesAt();
        var deadlines = plan.Deliverables.ToDictionary(d => d.Id, d => d.Deadline, StringComparer.Ordinal);
        var progress = new CycleProgress { Phase = CyclePhase.Issuing, PhaseLabel = "Đang ban hành kế hoạch" };
        context.SetCustomStatus(progress);

        await context.CallActivityAsync<PlanRecorded>(nameof(ICycleActivities.RecordPlan), input, ActivityRetry.Default);
        await Task.WhenAll(plan.Units.Select(unit =>
            context.CallActivityAsync<bool>(nameof(ICycleActivities.SendPlanNotice), new UnitNotice(input.CycleId, unit.Id), ActivityRetry.Default)));

        var reports = new List<Task<FollowUpResult>>();
        // Each unit's own cutoff per deliverable, moved by extensions: past it, a unit that has not handed in counts as missing.
        var cutoffs = new List<(string Subject, string Unit, DateTimeOffset Cutoff)>();
        // Proposers are reminded before a round closes, like reporting units; late files are refused at the boundary.
        var proposerFollowUps = new List<Task<FollowUpResult>>();
        foreach (var subject in plan.Subjects())
        {
            foreach (var unit in subject.Scope.Select(plan.Units))
            {
                var followUp = StartFollowUp(context, input.CycleId, unit.Id, subject, plan, closesAt);
                if (subject.IsNominationRound)
                {
                    proposerFollowUps.Add(followUp);
                }
                else
                {
                    reports.Add(followUp);
                    cutoffs.Add((subject.Id, unit.Id, evaluator.Cutoff(subject.Deadline)));
                }
            }
        }

        var rounds = StartRounds(context, input.CycleId, plan, evaluator, closesAt);

        progress = progress with { Phase = CyclePhase.Collecting, PhaseLabel = "Đang thu báo cáo, hồ sơ", Expected = reports.Count, Pending = reports.Count };
        var pending = new List<Task>([.. reports, .. proposerFollowUps, .. rounds.Values]);
        var extension = context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName);
        var cutoffTimer = (Task: (Task?)null, At: (DateTimeOffset?)null, Cancel: (CancellationTokenSource?)null);
        while (pending.Count > 0)
        {
            progress = Count(progress, reports, cutoffs, context.Now(), proposerFollowUps, rounds.Values);
            context.SetCustomStatus(WithNextDeadline(progress, plan, deadlines, evaluator, context));
            // Wake at the next cutoff too, so the counts show who missed it without waiting for the chases to end.
            var nextCutoff = NextCutoff(reports, cutoffs, context.Now());
            if (nextCutoff != cutoffTimer.At)
            {
                cutoffTimer.Cancel?.Cancel();
                var cancel = new CancellationTokenSource();
                cutoffTimer = (nextCutoff is { } at ? context.CreateTimer(at.UtcDateTime, cancel.Token) : null, nextCutoff, cancel);
            }

            var winner = await Task.WhenAny([.. pending, extension, .. cutoffTimer.Task is { } timer ? [timer] : Array.Empty<Task>()]);
            if (winner == cutoffTimer.Task)
            {
                cutoffTimer = (null, null, null);
                continue;
            }

            if (winner == extension)
            {
                var change = await extension;
                var units = AffectedUnits(plan, change);
                await context.CallActivityAsync<ExtensionApplied>(
                    nameof(ICycleActivities.ApplyExtension), new ExtensionRequest(input.CycleId, change, units, context.Now()), ActivityRetry.Default);
                if (change.Units.Count == 0 && deadlines.ContainsKey(change.Subject))
                {
                    deadlines[change.Subject] = change.NewDeadline;
                }

                for (var i = 0; i < cutoffs.Count; i++)
                {
                    if (cutoffs[i].Subject == change.Subject && units.Contains(cutoffs[i].Unit))
                    {
                        cutoffs[i] = cutoffs[i] with { Cutoff = evaluator.Cutoff(change.NewDeadline) };
                    }
                }

                progress = progress with { Extensions = progress.Extensions + 1 };
                extension = context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName);
                continue;
            }

            // Everything that finished in this episode is taken at once, so the loop runs once per episode, not per child.
            pending.RemoveAll(task => task.IsCompleted);
        }

        cutoffTimer.Cancel?.Cancel();
        progress = Count(progress, reports, cutoffs, context.Now(), proposerFollowUps, rounds.Values) with { Phase = CyclePhase.Consolidating, PhaseLabel = "Đang tổng hợp" };
        context.SetCustomStatus(progress with { NextDeadline = null, NextDeadlineText = null });
        var followUps = reports.Select(t => t.Result).ToList();
        var roundResults = rounds.Values.Select(t => t.Result).ToList();
        var summary = await context.CallActivityAsync<CycleSummary>(
            nameof(ICycleActivities.Consolidate), new ConsolidationRequest(input.CycleId, followUps, roundResults), ActivityRetry.Default);
        context.SetCustomStatus(progress with { Phase = CyclePhase.Closed, PhaseLabel = "Đã kết thúc", NextDeadline = null, NextDeadlineText = null });
        return summary;
    }

    private static Task<FollowUpResult> StartFollowUp(
        TaskOrchestrationContext context, string cycleId, string unitId, PlanSubject subject, Plan plan, DateTimeOffset closesAt)
    {
        var input = new FollowUpInput(cycleId, unitId, subject.Id, subject.Deadline, subject.LatePolicy, plan.Reminders, plan.TimeZone, closesAt);
        return context.CallSubOrchestratorAsync<FollowUpResult>(
            nameof(UnitFollowUpOrchestrator), input, new SubOrchestrationOptions(InstanceId: InstanceIds.FollowUp(cycleId, subject.Id, unitId)));
    }

    /// <summary>Proposal rounds start now; a level picked from a lower round starts when that round has closed.</summary>
    private static Dictionary<string, Task<RoundResult>> StartRounds(
        TaskOrchestrationContext context, string cycleId, Plan plan, DeadlineEvaluator evaluator, DateTimeOffset closesAt)
    {
        var rounds = new Dictionary<string, Task<RoundResult>>(StringComparer.Ordinal);
        foreach (var round in plan.NominationRounds.Where(r => r.PickedFrom is null))
        {
            var closes = round.Deadline is { } deadline ? evaluator.Cutoff(deadline) : (DateTimeOffset?)null;
            rounds[round.Id] = context.CallSubOrchestratorAsync<RoundResult>(
                nameof(NominationRoundOrchestrator),
                new RoundInput(cycleId, round.Id, plan.TimeZone, closes, closesAt, []),
                new SubOrchestrationOptions(InstanceId: InstanceIds.Round(cycleId, round.Id)));
        }

        foreach (var round in plan.NominationRounds.Where(r => r.PickedFrom is not null))
        {
            rounds[round.Id] = PickFrom(context, cycleId, round, rounds[round.PickedFrom!], plan.TimeZone, closesAt);
        }

        return rounds;
    }

    private static async Task<RoundResult> PickFrom(
        TaskOrchestrationContext context, string cycleId, NominationRound round, Task<RoundResult> lower, string timeZone, DateTimeOffset closesAt)
    {
        var candidates = (await lower).AcceptedNominations;
        return await context.CallSubOrchestratorAsync<RoundResult>(
            nameof(NominationRoundOrchestrator),
            new RoundInput(cycleId, round.Id, timeZone, null, closesAt, candidates),
            new SubOrchestrationOptions(InstanceId: InstanceIds.Round(cycleId, round.Id)));
    }

    private static IReadOnlyList<string> AffectedUnits(Plan plan, DeadlineExtension change)
    {
        var scope = plan.Subjects().FirstOrDefault(s => s.Id == change.Subject)?.Scope ?? new UnitScope();
        var inScope = scope.Select(plan.Units).Select(u => u.Id);
        return [.. change.Units.Count == 0 ? inScope : inScope.Intersect(change.Units, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Counts from the follow-ups that finished and, for those still running, whether their unit's cutoff has passed:
    /// a unit past its deadline without a submission is missing until it hands in late.
    /// </summary>
    private static CycleProgress Count(
        CycleProgress progress, List<Task<FollowUpResult>> reports, List<(string Subject, string Unit, DateTimeOffset Cutoff)> cutoffs, DateTimeOffset now,
        List<Task<FollowUpResult>> proposers, IEnumerable<Task<RoundResult>> rounds)
    {
        var done = reports.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToList();
        var overdue = reports.Where((t, i) => !t.IsCompleted && cutoffs[i].Cutoff <= now).Count();
        var closedRounds = rounds.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToList();
        return progress with
        {
            OnTime = done.Count(r => r.Outcome == FollowUpOutcome.OnTime),
            Late = done.Count(r => r.Outcome == FollowUpOutcome.Late),
            Missing = done.Count(r => r.Outcome == FollowUpOutcome.Missing) + overdue,
            Pending = reports.Count - done.Count - overdue,
            RemindersSent = done.Concat(proposers.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result)).Sum(r => r.RemindersSent),
            NominationsReceived = closedRounds.Sum(r => r.Received),
            NominationsAccepted = closedRounds.Sum(r => r.Accepted),
            NominationsRejected = closedRounds.Sum(r => r.Refused + r.LateRejected),
        };
    }

    private static DateTimeOffset? NextCutoff(List<Task<FollowUpResult>> reports, List<(string Subject, string Unit, DateTimeOffset Cutoff)> cutoffs, DateTimeOffset now) =>
        reports.Select((t, i) => (t, cutoffs[i].Cutoff)).Where(x => !x.t.IsCompleted && x.Cutoff > now).Select(x => (DateTimeOffset?)x.Cutoff).Min();

    private static CycleProgress WithNextDeadline(CycleProgress progress, Plan plan, Dictionary<string, Deadline> deadlines, DeadlineEvaluator evaluator, TaskOrchestrationContext context)
    {
        var now = context.Now();
        var next = deadlines.Values
            .Concat(plan.NominationRounds.Where(r => r.Deadline is not null).Select(r => r.Deadline!))
            .Select(d => (Deadline: d, Cutoff: evaluator.Cutoff(d)))
            .Where(d => d.Cutoff > now)
            .OrderBy(d => d.Cutoff)
            .Select(d => ((DateTimeOffset, string)?)(d.Cutoff, d.Deadline.Describe()))
            .FirstOrDefault();
        return progress with { NextDeadline = next?.Item1, NextDeadlineText = next?.Item2 };
    }
}
