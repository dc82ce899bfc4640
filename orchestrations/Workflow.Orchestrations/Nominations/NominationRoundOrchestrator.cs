using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Nominations;

/// <summary>
/// One award level's round, started by the cycle once business time has reached the round's close (the upload boundary
/// refused late files until then). A proposal round is judged at once: completeness, eligibility and quotas. A level
/// the province picks waits for the province's picks among the lower round's accepted nominees, until the cycle closes.
/// Either waits before judging while a quota rule of its own has no numbers yet ("chờ chỉ tiêu"): an operator's
/// <see cref="QuotaSet"/> wakes it; if the cycle closes first (<see cref="CycleClosing"/>), the round is recorded as not
/// judged for want of quota, which does not fail the cycle.
/// </summary>
public sealed class NominationRoundOrchestrator : TaskOrchestrator<RoundInput, RoundResult>
{
    /// <summary>
    /// A dossier whose last byte arrived before the close may still be being stored when the round closes; the judgement
    /// waits this long of wall time for such uploads to land (the host bounds how long a request may take).
    /// </summary>
    public static readonly TimeSpan UploadSettle = TimeSpan.FromSeconds(10);

    public override async Task<RoundResult> RunAsync(TaskOrchestrationContext context, RoundInput input)
    {
        // Buffered from the start: the cycle may say it has closed while the round is still settling or judging.
        var closing = input.CycleClosed
            ? Task.FromResult(new CycleClosing(input.ClosedAt ?? context.WallNow()))
            : context.WaitForExternalEvent<CycleClosing>(CycleClosing.EventName);
        if (input.ClosedAt is { } closedAt)
        {
            context.SetCustomStatus(new RoundProgress(RoundProgress.Closing, closedAt));
            if (!input.Stepped)
            {
                await context.CreateTimer(UploadSettle, CancellationToken.None);
            }

            if (await AwaitQuotasAsync(context, input, closing, [], closedAt, 0) is { } unjudged)
            {
                return unjudged;
            }

            context.SetCustomStatus(new RoundProgress(RoundProgress.Evaluating, closedAt));
            var result = await context.CallActivityAsync<RoundResult>(
                nameof(ICycleActivities.EvaluateRound), new RoundEvaluation(input.CycleId, input.RoundId, []), ActivityRetry.Default);
            context.SetCustomStatus(new RoundProgress(RoundProgress.Closed, closedAt, Result: result));
            return result;
        }

        context.SetCustomStatus(new RoundProgress(RoundProgress.AwaitingPicks, null, input.Candidates.Count));
        var picks = context.WaitForExternalEvent<ProvincePicks>(ProvincePicks.EventName);
        if (await Task.WhenAny(picks, closing) == closing)
        {
            context.SetCustomStatus(new RoundProgress(RoundProgress.ClosedWithoutPicks, null, input.Candidates.Count));
            return new RoundResult(input.RoundId, 0, 0, 0, 0, []);
        }

        var chosen = (await picks).Nominations;
        if (await AwaitQuotasAsync(context, input, closing, chosen, null, input.Candidates.Count) is { } withoutQuota)
        {
            return withoutQuota;
        }

        var picked = await context.CallActivityAsync<RoundResult>(
            nameof(ICycleActivities.EvaluateRound), new RoundEvaluation(input.CycleId, input.RoundId, chosen), ActivityRetry.Default);
        context.SetCustomStatus(new RoundProgress(RoundProgress.Closed, null, input.Candidates.Count, picked));
        return picked;
    }

    /// <summary>
    /// Null once every quota rule of the round has its numbers (at once, usually); the round's unjudged result if the
    /// cycle closes first. Bounded: each wake-up follows an operator setting a rule, and the rules are few.
    /// </summary>
    private static async Task<RoundResult?> AwaitQuotasAsync(
        TaskOrchestrationContext context, RoundInput input, Task<CycleClosing> closing, IReadOnlyList<string> picks, DateTimeOffset? closedAt, int candidates)
    {
        var wait = new QuotaWait(input.CycleId, input.RoundId, context.InstanceId);
        var pending = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ICycleActivities.PendingQuotas), wait, ActivityRetry.Default);
        while (pending.Count > 0)
        {
            context.SetCustomStatus(new RoundProgress(RoundProgress.AwaitingQuotas, closedAt, candidates, PendingQuotas: pending));
            var set = context.WaitForExternalEvent<QuotaSet>(QuotaSet.EventName);
            if (await Task.WhenAny(set, closing) == closing)
            {
                var unjudged = await context.CallActivityAsync<RoundResult>(
                    nameof(ICycleActivities.CloseUnjudged), new RoundUnjudged(input.CycleId, input.RoundId, picks, pending), ActivityRetry.Default);
                context.SetCustomStatus(new RoundProgress(RoundProgress.ClosedWithoutQuotas, closedAt, candidates, unjudged, pending));
                return unjudged;
            }

            await set;
            pending = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ICycleActivities.PendingQuotas), wait, ActivityRetry.Default);
        }

        return null;
    }
}
