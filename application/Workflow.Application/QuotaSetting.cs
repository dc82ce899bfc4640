namespace Workflow.Application;

/// <summary>
/// An operator sets the numbers of a quota rule the plan left pending ("theo chỉ tiêu Bộ Công an giao"): the plan is
/// stored again with them (its next version), and the change is recorded in the cycle's history with who set them, why,
/// and the numbers. The round's orchestration is told by the caller, which holds the client.
/// </summary>
public sealed class QuotaSetting(IPlanStore plans, IStatusStore status, CycleClocks clocks, TimeProvider time)
{
    public async Task<QuotaSetResult> SetAsync(
        string cycleId, string roundId, string quotaId, QuotaNumbers numbers, string setBy, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var outcome = QuotaSetOutcome.NoPlan;
        NominationRound? round = null;
        QuotaRule? rule = null;
        // Decided on the plan as stored when the write happens: of two operators setting the same rule, one gets NotPending.
        var stored = await plans.UpdateAsync(cycleId, plan =>
        {
            round = plan.NominationRounds.FirstOrDefault(r => r.Id == roundId);
            rule = round?.Quotas.FirstOrDefault(q => q.Id == quotaId);
            (outcome, var amended) = (round, rule) switch
            {
                (null, _) => (QuotaSetOutcome.UnknownRound, null),
                (_, null) => (QuotaSetOutcome.UnknownQuota, null),
                (_, { Pending: false }) => (QuotaSetOutcome.NotPending, null),
                _ => (QuotaSetOutcome.Set, plan.WithQuotaNumbers(roundId, quotaId, numbers)),
            };
            return amended;
        }, cancellationToken);

        var now = stored?.NominationRounds.FirstOrDefault(r => r.Id == roundId);
        var stillPending = now?.PendingQuotas.ToList() ?? [];
        if (outcome == QuotaSetOutcome.Set)
        {
            var waiting = stillPending.Count == 0 ? "đợt được xét với chỉ tiêu này" : $"đợt còn chờ {stillPending.Count} chỉ tiêu khác";
            await status.AppendCycleEventAsync(new CycleEvent(
                cycleId,
                $"quota-set-{time.GetUtcNow().UtcTicks}-{CycleActivities.KeyOf($"{roundId}/{quotaId}")}",
                await clocks.NowAsync(cycleId, cancellationToken),
                "quota-set",
                $"Nhập chỉ tiêu «{rule!.Description}» của đợt «{round!.Title}»",
                $"Số lượng: {numbers.Describe()}; người nhập: {setBy}; lý do: {reason}; {waiting}."), cancellationToken);
        }

        return new QuotaSetResult(outcome, round, rule, stillPending);
    }
}
