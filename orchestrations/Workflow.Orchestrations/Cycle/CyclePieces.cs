using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Nominations;

namespace Workflow.Orchestrations.Cycle;

/// <summary>
/// The cycle's book of failed pieces and its nomination rounds, inside the orchestration (so deterministic: it only
/// calls the context). A piece that fails after its retries is kept with what is needed to run it again, shown in the
/// custom status and written to the timeline; a retry that succeeds removes it.
/// </summary>
internal sealed class CyclePieces(string cycleId, IEnumerable<FailedPiece>? failures = null)
{
    /// <summary>Reasons are shown in the dashboard and kept in the custom status, which must stay small.</summary>
    private const int MaxReason = 400;

    private readonly List<FailedPiece> _failures = [.. failures ?? []];
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset?> _closedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _stepped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FailedPiece Piece, string By)> _retrying = new(StringComparer.Ordinal);
    private readonly HashSet<Task<RoundRun>> _seen = [];

    public IReadOnlyList<FailedPiece> Failures => _failures;

    /// <summary>Failed plan-notice batches by piece id, to send again.</summary>
    public Dictionary<string, NoticeBatch> Notices { get; } = new(StringComparer.Ordinal);

    /// <summary>Failed reminder batches by piece id, to send again.</summary>
    public Dictionary<string, PointBatch> Mails { get; } = new(StringComparer.Ordinal);

    /// <summary>Failed milestone reminders by piece id, to send again.</summary>
    public Dictionary<string, MilestonePoint> MilestoneMails { get; } = new(StringComparer.Ordinal);

    /// <summary>Failed milestone snapshots by piece id, to take again (the final consolidation supersedes them).</summary>
    public Dictionary<string, SnapshotRequest> Snapshots { get; } = new(StringComparer.Ordinal);

    /// <summary>Each started round's current run; it never throws.</summary>
    public Dictionary<string, Task<RoundRun>> Rounds { get; } = new(StringComparer.Ordinal);

    public IEnumerable<Task> RunningRounds => Rounds.Values.Where(t => !t.IsCompleted);

    /// <summary>A task's value, or why it failed after its retries (activity or sub-orchestration alike).</summary>
    public static async Task<(T? Value, string? Error)> TryAsync<T>(Task<T> task)
        where T : class
    {
        try
        {
            return (await task, null);
        }
        catch (TaskFailedException ex)
        {
            return (null, Reason(ex.FailureDetails));
        }
    }

    public static string Reason(TaskFailureDetails details)
    {
        // The innermost failure says what went wrong; the outer ones only say which task it was in.
        var inner = details;
        while (inner.InnerFailure is { } next)
        {
            inner = next;
        }

        var type = inner.ErrorType.Split('.')[^1];
        var text = $"{type}: {inner.ErrorMessage}";
        return text.Length <= MaxReason ? text : text[..MaxReason] + "…";
    }

    /// <summary>Records a failed piece (replacing an earlier failure of it) in the status and the timeline.</summary>
    public async Task<CycleProgress> FailAsync(TaskOrchestrationContext context, CycleProgress progress, FailedPiece piece)
    {
        _failures.RemoveAll(f => f.Id == piece.Id);
        _failures.Add(piece);
        await NoteAsync(context, new PieceNote(cycleId, piece, Recovered: false));
        return progress with { Failures = [.. _failures] };
    }

    public async Task<CycleProgress> RecoverAsync(TaskOrchestrationContext context, CycleProgress progress, FailedPiece piece, string requestedBy)
    {
        _failures.RemoveAll(f => f.Id == piece.Id);
        await NoteAsync(context, new PieceNote(cycleId, piece, Recovered: true, requestedBy));
        return progress with { Failures = [.. _failures] };
    }

    /// <summary>Failures of the consolidation are found again by the next consolidation.</summary>
    public CycleProgress ForgetConsolidation(CycleProgress progress)
    {
        _failures.RemoveAll(f => f.Kind == PieceKind.Consolidation);
        return progress with { Failures = [.. _failures] };
    }

    /// <summary>A proposal round is judged once it has closed; a level picked from it starts when it has been judged.</summary>
    public void StartRound(TaskOrchestrationContext context, Plan plan, NominationRound round, DateTimeOffset closedAt, bool stepped)
    {
        _closedAt[round.Id] = closedAt;
        _titles[round.Id] = round.Title;
        _stepped[round.Id] = stepped;
        Rounds[round.Id] = RunAsync(context, round.Id, new RoundInput(cycleId, round.Id, closedAt, [], stepped));
        foreach (var picked in plan.NominationRounds.Where(r => r.PickedFrom == round.Id))
        {
            _titles[picked.Id] = picked.Title;
            Rounds[picked.Id] = PickFromAsync(context, picked, Rounds[round.Id]);
        }
    }

    /// <summary>Records the rounds that failed since the last look, and the retried ones that have now succeeded.</summary>
    public async Task<CycleProgress> HarvestRoundsAsync(TaskOrchestrationContext context, CycleProgress progress, DateTimeOffset at)
    {
        foreach (var (roundId, task) in Rounds.Where(r => r.Value.IsCompleted && !_seen.Contains(r.Value)).ToList())
        {
            _seen.Add(task);
            var run = task.Result;
            if (run.Error is { } error)
            {
                _retrying.Remove(roundId);
                var title = $"Xét đợt «{_titles.GetValueOrDefault(roundId, roundId)}»";
                progress = await FailAsync(context, progress, new FailedPiece($"round-{roundId}", PieceKind.Round, title, error, at, Attempt(roundId), roundId));
            }
            else if (run.Result is not null && _retrying.Remove(roundId, out var retried))
            {
                progress = await RecoverAsync(context, progress, retried.Piece, retried.By);
            }
        }

        return progress;
    }

    /// <summary>
    /// Waits for every proposal round, then for the levels picked from them; each round still running is told the cycle
    /// has closed, so one waiting for the province's picks or for quota numbers ends without them (a proposal round
    /// waiting for quotas first, since the levels picked from it open only once it has been judged).
    /// </summary>
    public async Task CloseRoundsAsync(TaskOrchestrationContext context, Plan plan, DateTimeOffset closesAt)
    {
        foreach (var round in plan.NominationRounds.Where(r => r.PickedFrom is null && Rounds.TryGetValue(r.Id, out var task) && !task.IsCompleted))
        {
            context.SendEvent(InstanceIds.Round(cycleId, round.Id, Attempt(round.Id)), CycleClosing.EventName, new CycleClosing(closesAt));
        }

        await Task.WhenAll(plan.NominationRounds.Where(r => r.PickedFrom is null && Rounds.ContainsKey(r.Id)).Select(r => Rounds[r.Id]));
        foreach (var round in plan.NominationRounds.Where(r => r.PickedFrom is not null && Rounds.TryGetValue(r.Id, out var task) && !task.IsCompleted))
        {
            context.SendEvent(InstanceIds.Round(cycleId, round.Id, Attempt(round.Id)), CycleClosing.EventName, new CycleClosing(closesAt));
        }

        await Task.WhenAll(Rounds.Values);
    }

    /// <summary>Runs a failed piece again while the cycle runs; an unknown or consolidation piece is left alone.</summary>
    public async Task<CycleProgress> RetryAsync(TaskOrchestrationContext context, Plan plan, CycleProgress progress, PieceRetry request, DateTimeOffset now, bool stepped)
    {
        if (_failures.FirstOrDefault(f => f.Id == request.PieceId) is not { } piece)
        {
            return progress;
        }

        switch (piece.Kind)
        {
            case PieceKind.PlanNotices when Notices.TryGetValue(piece.Id, out var notices):
                return await RetryBatchAsync(context, progress, piece, request, now, context.CallActivityAsync<BatchOutcome>(nameof(ICycleActivities.SendPlanNotices), notices, ActivityRetry.Default));
            case PieceKind.Mails when Mails.TryGetValue(piece.Id, out var mails):
                return await RetryBatchAsync(context, progress, piece, request, now, context.CallActivityAsync<BatchOutcome>(nameof(ICycleActivities.SendPointMails), mails, ActivityRetry.Default));
            case PieceKind.Mails when MilestoneMails.TryGetValue(piece.Id, out var milestone):
                return await RetryBatchAsync(context, progress, piece, request, now, context.CallActivityAsync<BatchOutcome>(nameof(ICycleActivities.SendMilestoneMail), milestone, ActivityRetry.Default));
            case PieceKind.Consolidation when Snapshots.TryGetValue(piece.Id, out var snapshot):
                return await RetryBatchAsync(context, progress, piece, request, now, context.CallActivityAsync<ConsolidationSnapshot>(nameof(ICycleActivities.TakeSnapshot), snapshot, ActivityRetry.Default));
            case PieceKind.Round when piece.Subject is { } roundId && plan.NominationRounds.FirstOrDefault(r => r.Id == roundId) is { } round && Rounds.ContainsKey(roundId):
                _failures.Remove(piece);
                _retrying[roundId] = (piece, request.RequestedBy);
                _attempts[roundId] = Attempt(roundId) + 1;
                if (round.PickedFrom is { } lower)
                {
                    Rounds[roundId] = PickFromAsync(context, round, Rounds[lower]);
                    return progress with { Failures = [.. _failures] };
                }

                Rounds[roundId] = RunAsync(context, roundId, new RoundInput(cycleId, roundId, _closedAt.GetValueOrDefault(roundId) ?? now, [], _stepped.GetValueOrDefault(roundId, stepped)));
                foreach (var picked in plan.NominationRounds.Where(r => r.PickedFrom == roundId && Rounds.TryGetValue(r.Id, out var run) && run.IsCompleted && run.Result is { Result: null, Error: null }))
                {
                    // Levels that never opened because this round failed open once it has been judged.
                    Rounds[picked.Id] = PickFromAsync(context, picked, Rounds[roundId]);
                }

                return progress with { Failures = [.. _failures] };
            default:
                return progress;
        }
    }

    /// <summary>
    /// A closed cycle's proposal round judged again, as a new instance. The cycle has closed already, so if a quota rule
    /// still has no numbers the round is recorded as not judged instead of waiting for them.
    /// </summary>
    public Task<RoundRun> RerunRoundAsync(TaskOrchestrationContext context, NominationRound round, FailedPiece failed, DateTimeOffset closedAt)
    {
        _attempts[round.Id] = failed.Attempts + 1;
        return RunAsync(context, round.Id, new RoundInput(cycleId, round.Id, closedAt, [], Stepped: true, CycleClosed: true));
    }

    private async Task<CycleProgress> RetryBatchAsync<T>(TaskOrchestrationContext context, CycleProgress progress, FailedPiece piece, PieceRetry request, DateTimeOffset now, Task<T> run)
        where T : class
    {
        var (_, error) = await TryAsync(run);
        if (error is not null)
        {
            return await FailAsync(context, progress, piece with { Reason = error, At = now, Attempts = piece.Attempts + 1 });
        }

        Notices.Remove(piece.Id);
        Mails.Remove(piece.Id);
        MilestoneMails.Remove(piece.Id);
        Snapshots.Remove(piece.Id);
        return await RecoverAsync(context, progress, piece, request.RequestedBy);
    }

    private int Attempt(string roundId) => _attempts.GetValueOrDefault(roundId, 1);

    private async Task<RoundRun> RunAsync(TaskOrchestrationContext context, string roundId, RoundInput input)
    {
        var (result, error) = await TryAsync(context.CallSubOrchestratorAsync<RoundResult>(
            nameof(NominationRoundOrchestrator), input, new SubOrchestrationOptions { InstanceId = InstanceIds.Round(cycleId, roundId, Attempt(roundId)) }));
        return new RoundRun(roundId, result, error);
    }

    private async Task<RoundRun> PickFromAsync(TaskOrchestrationContext context, NominationRound round, Task<RoundRun> lower)
    {
        if ((await lower).Result is not { NotJudged: false } judged)
        {
            return new RoundRun(round.Id, null, null);
        }

        return await RunAsync(context, round.Id, new RoundInput(cycleId, round.Id, null, judged.AcceptedNominations));
    }

    /// <summary>The timeline is for people; if even it cannot be written, the status still shows the piece.</summary>
    private static async Task NoteAsync(TaskOrchestrationContext context, PieceNote note)
    {
        try
        {
            await context.CallActivityAsync<bool>(nameof(ICycleActivities.NotePiece), note, ActivityRetry.Default);
        }
        catch (TaskFailedException)
        {
            // Nothing else to do: the custom status carries the piece regardless.
        }
    }
}
