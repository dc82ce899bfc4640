using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Api.Security;
using Workflow.Application;

namespace Workflow.Api.Handlers;

/// <summary>Awards from evidence to decision: reviewing records, the kept records a unit pre-fills from.</summary>
public static class AwardHandlers
{
    public static async Task<IResult> ReviewAsync(
        string id, string roundId, string nominationId, string recordId, HttpRequest request, DurableTaskClient client, IPlanStore plans, IStatusStore status,
        RecordReviews reviews, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await ApiJson.ReadBodyAsync<RecordReviewBody>(request, cancellationToken: cancellationToken);
        if (invalid is not null)
        {
            return ApiProblems.BadRequest(invalid.Field, invalid.Message);
        }

        if (body?.Verdict is not { } verdict)
        {
            return ApiProblems.BadRequest("verdict", "Thiếu kết quả xác minh: verified (đã xác minh) hoặc refused (không công nhận).");
        }

        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        var by = request.HttpContext.User.Identity?.Name ?? "operator";
        var result = await reviews.ReviewAsync(plan, id, roundId, nominationId, recordId, verdict, body.Reason, by, cancellationToken);
        if (result.NotFound)
        {
            return ApiProblems.NotFound(result.Problem!);
        }

        if (result.Field is { } field)
        {
            return ApiProblems.BadRequest(field, result.Problem!);
        }

        var row = (await status.ListNomineesAsync(id, roundId, cancellationToken)).First(r => r.NominationId == nominationId);
        var nominee = CycleQueryHandlers.Nominee(plan, id, row);
        return Results.Ok(new ReviewedRecord(nominee.Achievements.First(a => a.Id == recordId), nominee));
    }

    /// <summary>The collectives and people this unit has proposed before, with their kept records, to pre-fill a nomination.</summary>
    public static async Task<IResult> KeptAsync(HttpContext context, IAchievementRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var me = UnitIdentity.From(context.User);
        return Results.Ok(await registry.ListAsync(me.UnitId, cancellationToken));
    }
}
