using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Api.Security;

namespace Workflow.Api.Handlers;

/// <summary>
/// The template files of a cycle's forms: operators attach them (only names the plan's forms declare, checked by content
/// like every upload) and download them; a unit downloads those of the forms it fills, with its link token.
/// </summary>
public static class TemplateHandlers
{
    /// <summary>Attaches or replaces one template; the body is the file itself.</summary>
    public static async Task<IResult> PutAsync(
        string id, string file, HttpRequest request, DurableTaskClient client, IPlanStore plans, ITemplateStore templates, IOptions<StorageOptions> storage,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        if (await PlanAsync(id, client, plans, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (!PlanTemplates.IsDeclared(plan, file))
        {
            return NotDeclared(plan, file);
        }

        var limit = storage.Value.MaxFileBytes;
        if (await UploadChecks.ReadBodyAsync(request, limit, cancellationToken) is not { } content)
        {
            return ApiProblems.TooLarge("file", $"Tệp mẫu «{file}» vượt quá dung lượng tối đa {UploadChecks.Megabytes(limit)}.");
        }

        if (UploadChecks.CheckTemplate(file, content, "file", storage.Value) is { } refused)
        {
            return refused;
        }

        var stored = await templates.PutAsync(id, file, BinaryData.FromBytes(content), time.GetUtcNow(), cancellationToken);
        return Results.Ok(Describe(PlanTemplates.Declared(plan).First(t => t.Template.File == file), stored, OperatorUrl(id, file)));
    }

    /// <summary>Every template the plan declares, attached or not.</summary>
    public static async Task<IResult> ListAsync(string id, DurableTaskClient client, IPlanStore plans, ITemplateStore templates, CancellationToken cancellationToken)
    {
        if (await PlanAsync(id, client, plans, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        var attached = await AttachedAsync(templates, id, cancellationToken);
        return Results.Ok(PlanTemplates.Declared(plan).Select(t => Describe(t, attached.GetValueOrDefault(t.Template.File), OperatorUrl(id, t.Template.File))).ToList());
    }

    public static async Task<IResult> GetAsync(string id, string file, DurableTaskClient client, IPlanStore plans, ITemplateStore templates, CancellationToken cancellationToken)
    {
        if (await PlanAsync(id, client, plans, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        return PlanTemplates.IsDeclared(plan, file) ? await DownloadAsync(templates, id, file, cancellationToken) : NotDeclared(plan, file);
    }

    /// <summary>A unit's download: only the templates of the forms in its scope.</summary>
    public static async Task<IResult> UnitGetAsync(HttpContext context, string file, IPlanStore plans, ITemplateStore templates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var me = UnitIdentity.From(context.User);
        if (await plans.GetAsync(me.CycleId, cancellationToken) is not { } plan || plan.Units.FirstOrDefault(u => u.Id == me.UnitId) is not { } unit)
        {
            return ApiProblems.NotFound("Kỳ báo cáo của đường dẫn này chưa sẵn sàng hoặc không còn.");
        }

        if (PlanTemplates.For(plan, unit).All(t => t.Template.File != file))
        {
            return ApiProblems.NotFound($"Không có tệp mẫu «{file}» trong các biểu mẫu đơn vị phải lập.");
        }

        return await DownloadAsync(templates, me.CycleId, file, cancellationToken);
    }

    /// <summary>The templates of the forms a unit fills, for its page: links are relative and the page adds the token.</summary>
    internal static async Task<List<TemplateInfo>> ForUnitAsync(ITemplateStore templates, Plan plan, Unit unit, string cycleId, CancellationToken cancellationToken)
    {
        var declared = PlanTemplates.For(plan, unit);
        if (declared.Count == 0)
        {
            return [];
        }

        var attached = await AttachedAsync(templates, cycleId, cancellationToken);
        return [.. declared.Select(t => Describe(t, attached.GetValueOrDefault(t.Template.File), $"/api/unit/templates/{Uri.EscapeDataString(t.Template.File)}"))];
    }

    private static async Task<Plan?> PlanAsync(string id, DurableTaskClient client, IPlanStore plans, CancellationToken cancellationToken) =>
        CycleLookup.IsSafeId(id) && await CycleLookup.InstanceAsync(client, id, inputs: false, cancellationToken) is not null
            ? await CycleLookup.PlanAsync(plans, client, id, cancellationToken)
            : null;

    private static async Task<Dictionary<string, StoredTemplate>> AttachedAsync(ITemplateStore templates, string cycleId, CancellationToken cancellationToken) =>
        (await templates.ListAsync(cycleId, cancellationToken)).GroupBy(t => t.FileName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static async Task<IResult> DownloadAsync(ITemplateStore templates, string cycleId, string file, CancellationToken cancellationToken) =>
        await templates.GetAsync(cycleId, file, cancellationToken) is { } found
            ? DownloadResult.Stored(found.Content.ToMemory(), found.Info.FileName)
            : ApiProblems.NotFound($"Tệp mẫu «{file}» chưa được cơ quan thường trực đính kèm; khi có sẽ tải được tại đây.");

    private static IResult NotDeclared(Plan plan, string file)
    {
        var declared = PlanTemplates.Declared(plan).Select(t => t.Template.File).Distinct(StringComparer.Ordinal).ToList();
        var message = declared.Count == 0
            ? $"Kế hoạch không có tệp mẫu nào, nên không đính kèm được «{file}»."
            : $"Kế hoạch không có tệp mẫu «{file}»; các tệp mẫu của kế hoạch: {string.Join(", ", declared)}.";
        return ApiProblems.Problem(StatusCodes.Status404NotFound, "Không tìm thấy", message, [new FieldError("file", message)]);
    }

    private static string OperatorUrl(string cycleId, string file) => $"/api/cycles/{Uri.EscapeDataString(cycleId)}/templates/{Uri.EscapeDataString(file)}";

    private static TemplateInfo Describe(DeclaredTemplate t, StoredTemplate? stored, string url) => new(
        t.Deliverable.Id, t.Form.Id, t.Form.Title, t.Template.Title, t.Template.File, stored is not null, stored?.Size, stored?.Sha256,
        ApiText.Utc(stored?.AttachedAt), ApiText.DateTime(stored?.AttachedAt), stored is null ? null : url);
}
