using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Nominations;

/// <summary>
/// One award level's round, started by the cycle once business time has reached the round's close (the upload boundary
/// refused late files until then). A proposal round is judged at once: completeness, eligibility and quotas. A level
/// the province picks waits for the province's picks among the lower round's accepted nominees, until the cycle closes.
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
        if (input.ClosedAt is { } closedAt)
        {
            context.SetCustomStatus(new RoundProgress("closing", closedAt));
            if (!input.Stepped)
            {
                await context.CreateTimer(UploadSettle, CancellationToken.None);
            }

            context.SetCustomStatus(new RoundProgress("evaluating", closedAt));
            var result = await context.CallActivityAsync<RoundResult>(
                nameof(ICycleActivities.EvaluateRound), new RoundEvaluation(input.CycleId, input.RoundId, []), ActivityRetry.Default);
            context.SetCustomStatus(new RoundProgress("closed", closedAt, Result: result));
            return result;
        }

        context.SetCustomStatus(new RoundProgress("awaiting-picks", null, input.Candidates.Count));
        var picks = context.WaitForExternalEvent<ProvincePicks>(ProvincePicks.EventName);
        var closing = context.WaitForExternalEvent<CycleClosing>(CycleClosing.EventName);
        if (await Task.WhenAny(picks, closing) == closing)
        {
            context.SetCustomStatus(new RoundProgress("closed-without-picks", null, input.Candidates.Count));
            return new RoundResult(input.RoundId, 0, 0, 0, 0, []);
        }

        var chosen = (await picks).Nominations;
        var picked = await context.CallActivityAsync<RoundResult>(
            nameof(ICycleActivities.EvaluateRound), new RoundEvaluation(input.CycleId, input.RoundId, chosen), ActivityRetry.Default);
        context.SetCustomStatus(new RoundProgress("closed", null, input.Candidates.Count, picked));
        return picked;
    }
}
