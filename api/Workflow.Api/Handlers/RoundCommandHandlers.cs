using Workflow.Api.Contracts;
using Workflow.Api.Http;

namespace Workflow.Api.Handlers;

/// <summary>Operators complete what a plan left to be set later on its rounds: the numbers of a pending quota rule.</summary>
public static class RoundCommandHandlers
{
    /// <summary>
    /// Sets the numbers of a quota rule the plan left pending ("chờ chỉ tiêu"). The plan is stored again with them and the
    /// change recorded; a round waiting for them (closed, or the province's picks made) is told, and judges with them.
    /// </summary>
    public static async Task<IResult> SetQuotaAsync(
        string id, string roundId, string quotaId, HttpRequest request, DurableTaskClient client, IPlanStore plans, QuotaSetting quotas, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiJson.ReadBodyAsync<QuotaBody>(request, cancellationToken: cancellationToken);
        if (!CycleLookup.IsSafeId(id) || await plans.GetAsync(id, cancellationToken) is not { } plan
            || await CycleLookup.InstanceAsync(client, id, inputs: false, cancellationToken) is not { } instance)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (plan.NominationRounds.FirstOrDefault(r => r.Id == roundId) is not { } round)
        {
            return ApiProblems.NotFound($"Kế hoạch không có đợt khen thưởng «{roundId}».");
        }

        if (round.Quotas.FirstOrDefault(q => q.Id == quotaId) is not { } rule)
        {
            return ApiProblems.NotFound($"Đợt «{round.Title}» không có chỉ tiêu «{quotaId}».");
        }

        if (body is null)
        {
            return ApiProblems.BadRequest(invalid!.Field, invalid.Message);
        }

        var numbers = new QuotaNumbers { Max = body.Max, MaxCollective = body.MaxCollective, MaxIndividual = body.MaxIndividual, MinPolice = body.MinPolice, MaxPolice = body.MaxPolice };
        var errors = numbers.Problems().Select(p => new FieldError(p.Field, p.Message)).ToList();
        if (string.IsNullOrWhiteSpace(body.RequestedBy))
        {
            errors.Add(new FieldError("requestedBy", "Thiếu người nhập chỉ tiêu."));
        }
        else if (body.RequestedBy.Length > CycleCommandHandlers.MaxRequesterLength)
        {
            errors.Add(new FieldError("requestedBy", $"Người nhập chỉ tiêu dài quá {CycleCommandHandlers.MaxRequesterLength} ký tự."));
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            errors.Add(new FieldError("reason", "Thiếu căn cứ, lý do (ví dụ: số văn bản giao chỉ tiêu)."));
        }
        else if (body.Reason.Length > CycleCommandHandlers.MaxReasonLength)
        {
            errors.Add(new FieldError("reason", $"Căn cứ, lý do dài quá {CycleCommandHandlers.MaxReasonLength} ký tự."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest($"Số lượng của chỉ tiêu «{rule.Description}» không hợp lệ.", errors);
        }

        if (!rule.Pending)
        {
            return NotPending(rule);
        }

        if (!instance.IsRunning)
        {
            return ApiProblems.Conflict($"Kỳ báo cáo «{id}» không còn chạy (trạng thái: {instance.RuntimeStatus}); không nhập chỉ tiêu được nữa.");
        }

        var requestedBy = body.RequestedBy!.Trim();
        var result = await quotas.SetAsync(id, roundId, quotaId, numbers, requestedBy, body.Reason!.Trim(), cancellationToken);
        switch (result.Outcome)
        {
            case QuotaSetOutcome.NotPending:
                // Another operator set it between our read and our write.
                return NotPending(result.Rule ?? rule);
            case QuotaSetOutcome.Set:
                break;
            default:
                return ApiProblems.CycleNotFound(id);
        }

        // The round may be waiting for exactly this; one that is not yet closed finds the numbers in the plan when it closes.
        if (await CycleLookup.RoundAsync(client, id, roundId, cancellationToken) is { RuntimeStatus: OrchestrationRuntimeStatus.Running } run)
        {
            await client.RaiseEventAsync(run.InstanceId, QuotaSet.EventName, new QuotaSet(quotaId, requestedBy), cancellationToken);
        }

        return Results.Accepted(value: new QuotaAccepted(id, roundId, quotaId, numbers.Describe(), [.. result.StillPending.Select(q => q.Id)]));
    }

    private static IResult NotPending(QuotaRule rule)
    {
        var numbers = new QuotaNumbers { Max = rule.Max, MaxCollective = rule.MaxCollective, MaxIndividual = rule.MaxIndividual, MinPolice = rule.MinPolice, MaxPolice = rule.MaxPolice };
        return ApiProblems.Conflict(
            $"Chỉ tiêu «{rule.Description}» đã có số lượng ({numbers.Describe()}); không nhập lại được.",
            [new FieldError("quotaId", "Chỉ tiêu không còn chờ số lượng.")]);
    }
}
