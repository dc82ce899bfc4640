using System.Text.Json;
using Workflow.Api.Contracts;
using Workflow.Api.Http;

namespace Workflow.Api.Handlers;

/// <summary>
/// Plans being drafted in the editor, kept in Blob Storage (<see cref="IPlanDrafts"/>): each save is a new version, every
/// version stays readable. A draft is saved as the editor holds it, errors and all; its error count is recorded with it.
/// </summary>
public static class PlanDraftHandlers
{
    public static async Task<IResult> SaveAsync(string draftId, HttpRequest request, IPlanDrafts drafts, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(time);
        if (!CycleLookup.IsSafeId(draftId))
        {
            return BadId();
        }

        var (body, problem) = await PlanBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var (_, errors) = PlanBody.Check(body.Text);
        var note = new PlanDraftNote(
            time.GetUtcNow(), request.HttpContext.User.Identity?.Name ?? "operator", PlanBody.Text(body.Root, "id"), PlanBody.Text(body.Root, "title"), errors.Count);
        var write = await drafts.SaveAsync(draftId, BinaryData.FromBytes(body.Bytes), note, cancellationToken);
        var version = write.Version;
        var saved = new PlanDraftSaved(draftId, version.Version, version.SavedAt, ApiText.DateTime(version.SavedAt)!, version.SavedBy, version.ErrorCount);
        return write.Created
            ? Results.Created($"{CycleLookup.BaseUrl(request)}/api/plans/drafts/{Uri.EscapeDataString(draftId)}", saved)
            : Results.Ok(saved);
    }

    public static async Task<IResult> ListAsync(IPlanDrafts drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var latest = await drafts.ListAsync(cancellationToken);
        return Results.Ok(latest
            .Select(v => new PlanDraftRow(v.DraftId, v.PlanId, v.Title, v.Version, v.SavedAt, ApiText.DateTime(v.SavedAt)!, v.SavedBy, v.ErrorCount))
            .ToList());
    }

    /// <summary>The latest version with the plan it holds.</summary>
    public static Task<IResult> GetAsync(string draftId, IPlanDrafts drafts, CancellationToken cancellationToken) =>
        ViewAsync(draftId, null, drafts, cancellationToken);

    public static Task<IResult> GetVersionAsync(string draftId, int version, IPlanDrafts drafts, CancellationToken cancellationToken) =>
        ViewAsync(draftId, version, drafts, cancellationToken);

    private static async Task<IResult> ViewAsync(string draftId, int? version, IPlanDrafts drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (!CycleLookup.IsSafeId(draftId))
        {
            return BadId();
        }

        var versions = await drafts.VersionsAsync(draftId, cancellationToken);
        if (versions.Count == 0)
        {
            return ApiProblems.NotFound($"Không có bản nháp kế hoạch «{draftId}».");
        }

        var wanted = version ?? versions[0].Version;
        if (!versions.Any(v => v.Version == wanted) || await drafts.GetAsync(draftId, wanted, cancellationToken) is not { } file)
        {
            return ApiProblems.NotFound($"Bản nháp kế hoạch «{draftId}» không có phiên bản {wanted} (có {versions.Count} phiên bản, mới nhất là {versions[0].Version}).");
        }

        // Checked as a JSON object when it was saved; re-read for the answer, so the plan is an object in it, not a string.
        JsonElement plan;
        using (var document = JsonDocument.Parse(file.Content.ToMemory(), PlanBody.Options))
        {
            plan = document.RootElement.Clone();
        }

        var v = file.Version;
        return Results.Ok(new PlanDraftView(
            draftId, v.Version, v.SavedAt, ApiText.DateTime(v.SavedAt)!, v.SavedBy, v.PlanId, v.Title, v.ErrorCount,
            [.. versions.Select(r => new PlanDraftVersionRow(r.Version, r.SavedAt, ApiText.DateTime(r.SavedAt)!, r.SavedBy, r.ErrorCount))],
            plan));
    }

    private static IResult BadId() =>
        ApiProblems.BadRequest("draftId", "Mã bản nháp không hợp lệ: chỉ dùng chữ không dấu, số, '.', '_' hoặc '-', không bắt đầu bằng '.' (tối đa 100 ký tự).");
}
