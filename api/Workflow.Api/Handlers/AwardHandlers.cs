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

        if (result.Conflict)
        {
            return ApiProblems.Conflict(result.Problem!, [new FieldError(result.Field!, result.Problem!)]);
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

    /// <summary>The round's award: its figures, its drafts' links, and its decision once signed.</summary>
    public static async Task<IResult> AwardAsync(string id, string roundId, DurableTaskClient client, IPlanStore plans, AwardDrafts drafts, IAchievementRegistry registry, CancellationToken cancellationToken)
    {
        if (await RoundAsync(id, roundId, client, plans, cancellationToken) is not { } plan)
        {
            return await MissingAsync(id, roundId, client, plans, cancellationToken);
        }

        var decision = await registry.GetDecisionAsync(id, roundId, cancellationToken);
        var decisionText = decision is null ? null : $"Quyết định số {decision.Number} ngày {VietnamTime.FormatDate(decision.SignedOn)} ({decision.NominationIds.Count} tập thể, cá nhân)";
        if (await drafts.DraftAsync(plan, id, roundId, cancellationToken) is not var (draft, _))
        {
            var round = plan.NominationRounds.First(r => r.Id == roundId);
            return Results.Ok(new AwardInfo(roundId, round.Title, "", 0, 0, 0, 0, [], decision, decisionText));
        }

        var links = AwardDrafts.Files.Select(f => new ExportLink(f, $"/api/cycles/{Uri.EscapeDataString(id)}/awards/{Uri.EscapeDataString(roundId)}/{f}")).ToList();
        return Results.Ok(new AwardInfo(roundId, draft.AwardTitle, draft.Authority, draft.Proposed, draft.Refused, draft.Collectives, draft.Individuals, links, decision, decisionText));
    }

    /// <summary>One draft of the round: the tờ trình or the quyết định (.docx), or the list (.xlsx).</summary>
    public static async Task<IResult> DraftAsync(string id, string roundId, string file, DurableTaskClient client, IPlanStore plans, AwardDrafts drafts, CancellationToken cancellationToken)
    {
        if (await RoundAsync(id, roundId, client, plans, cancellationToken) is not { } plan)
        {
            return await MissingAsync(id, roundId, client, plans, cancellationToken);
        }

        if (!AwardDrafts.Files.Contains(file))
        {
            return ApiProblems.NotFound($"Không có dự thảo «{file}»; các dự thảo: {string.Join(", ", AwardDrafts.Files)}.");
        }

        if (await drafts.DraftAsync(plan, id, roundId, cancellationToken) is not var (draft, _))
        {
            return ApiProblems.Conflict("Đợt khen thưởng chưa có kết quả lựa chọn (chưa xét xong hoặc cấp tỉnh chưa chọn), nên chưa có dự thảo.");
        }

        var (content, contentType) = AwardDrafts.Write(draft, file);
        return Results.File(content, contentType, $"{Path.GetFileNameWithoutExtension(file)}-{roundId}{Path.GetExtension(file)}");
    }

    /// <summary>Records the signed decision; each awardee's kept record gains the award.</summary>
    public static async Task<IResult> DecisionAsync(string id, string roundId, HttpRequest request, DurableTaskClient client, IPlanStore plans, AwardDrafts drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, invalid) = await ApiJson.ReadBodyAsync<DecisionBody>(request, cancellationToken: cancellationToken);
        if (invalid is not null)
        {
            return ApiProblems.BadRequest(invalid.Field, invalid.Message);
        }

        if (await RoundAsync(id, roundId, client, plans, cancellationToken) is not { } plan)
        {
            return await MissingAsync(id, roundId, client, plans, cancellationToken);
        }

        var by = request.HttpContext.User.Identity?.Name ?? "operator";
        var result = await drafts.RecordDecisionAsync(plan, id, roundId, body?.Number, body?.SignedOn, by, cancellationToken);
        if (result.Decision is { } decision)
        {
            return Results.Ok(decision);
        }

        var errors = result.Problems.Select(p => new FieldError(p.Field, p.Message)).ToList();
        return result.Conflict ? ApiProblems.Conflict(errors[0].Message, errors) : ApiProblems.BadRequest("Quyết định chưa ghi được.", errors);
    }

    private static async Task<Plan?> RoundAsync(string id, string roundId, DurableTaskClient client, IPlanStore plans, CancellationToken cancellationToken) =>
        await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is { } plan && plan.NominationRounds.Any(r => r.Id == roundId) ? plan : null;

    private static async Task<IResult> MissingAsync(string id, string roundId, DurableTaskClient client, IPlanStore plans, CancellationToken cancellationToken) =>
        await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is null
            ? ApiProblems.CycleNotFound(id)
            : ApiProblems.NotFound($"Kế hoạch không có đợt khen thưởng «{roundId}».");
}
