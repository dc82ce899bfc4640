using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Nominations;

/// <summary>
/// One award level's round. A proposal round accepts files until its deadline (the upload boundary refuses late
/// ones), closes at that exact instant (a durable timer never fires early) and then checks completeness,
/// eligibility and quotas. A level the province picks waits for the province's picks among the lower round's
/// accepted nominees.
/// </summary>
public sealed class NominationRoundOrchestrator : TaskOrchestrator<RoundInput, RoundResult>
{
    public override async Task<RoundResult> RunAsync(TaskOrchestrationContext context, RoundInput input)
    {
        return input.ClosesAt is { } closesAt
            ? await CollectProposals(context, input, closesAt)
            : await AwaitPicks(context, input);
    }

    private static async Task<RoundResult> CollectProposals(TaskOrchestrationContext context, RoundInput input, DateTimeOffset closesAt)
    {
        var zone = VietnamTime.ZoneOf(input.TimeZone);
        var extension = context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName);
        while (true)
        {
            context.SetCustomStatus(new RoundProgress("open", closesAt));
            using var cancelTimer = new CancellationTokenSource();
            var close = context.CreateTimer(closesAt.UtcDateTime, cancelTimer.Token);
            if (await Task.WhenAny(close, extension) == close)
            {
                break;
            }

            await cancelTimer.CancelAsync();
            closesAt = new DeadlineEvaluator(zone).Cutoff((await extension).NewDeadline);
            extension = context.WaitForExternalEvent<DeadlineExtension>(DeadlineExtension.EventName);
        }

        context.SetCustomStatus(new RoundProgress("evaluating", closesAt));
        var result = await context.CallActivityAsync<RoundResult>(
            nameof(ICycleActivities.EvaluateRound), new RoundEvaluation(input.CycleId, input.RoundId, []), ActivityRetry.Default);
        context.SetCustomStatus(new RoundProgress("closed", closesAt, Result: result));
        return result;
    }

    private static async Task<RoundResult> AwaitPicks(TaskOrchestrationContext context, RoundInput input)
    {
        context.SetCustomStatus(new RoundProgress("awaiting-picks", null, input.Candidates.Count));
        using var cancelTimer = new CancellationTokenSource();
        var picks = context.WaitForExternalEvent<ProvincePicks>(ProvincePicks.EventName);
        var cycleEnd = context.CreateTimer(input.CycleClosesAt.UtcDateTime, cancelTimer.Token);
        if (await Task.WhenAny(picks, cycleEnd) == cycleEnd)
        {
            context.SetCustomStatus(new RoundProgress("closed-without-picks", null, input.Candidates.Count));
            return new RoundResult(input.RoundId, 0, 0, 0, 0, []);
        }

        await cancelTimer.CancelAsync();
        var chosen = (await picks).Nominations;
        var result = await context.CallActivityAsync<RoundResult>(
            nameof(ICycleActivities.EvaluateRound), new RoundEvaluation(input.CycleId, input.RoundId, chosen), ActivityRetry.Default);
        context.SetCustomStatus(new RoundProgress("closed", null, input.Candidates.Count, result));
        return result;
    }
}
