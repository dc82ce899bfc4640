using System.Text;
using Workflow.Api.Http;

namespace Workflow.Api.Handlers;

/// <summary>
/// A cycle started with its forms' templates: multipart/form-data with the plan (JSON) in part «plan» and each template
/// in a part «templates» whose file name is the one the plan declares. The templates are checked before anything is
/// stored, and attached before the cycle is scheduled, so its plan notice links them.
/// </summary>
internal static class StartForm
{
    public const string PlanPart = "plan";
    public const string TemplatesPart = "templates";

    /// <summary>The plan's text (strict UTF-8 when sent as a file) and the template parts; or the problem with the form.</summary>
    public static async Task<(string? Plan, IReadOnlyList<IFormFile> Templates, IResult? Problem)> ReadAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var unknown = form.Keys.Concat(form.Files.Select(f => f.Name)).FirstOrDefault(n => n is not (PlanPart or TemplatesPart));
        if (unknown is not null)
        {
            return (null, [], ApiProblems.BadRequest(unknown, $"Phần «{Clip(unknown)}» không thuộc yêu cầu bắt đầu kỳ báo cáo; chỉ gửi «{PlanPart}» (kế hoạch JSON) và «{TemplatesPart}» (các tệp mẫu)."));
        }

        if (form.ContainsKey(TemplatesPart))
        {
            return (null, [], ApiProblems.BadRequest(TemplatesPart, $"Phần «{TemplatesPart}» phải là tệp mẫu (có tên tệp đúng như kế hoạch khai báo), không phải văn bản."));
        }

        var planFiles = form.Files.GetFiles(PlanPart);
        if (planFiles.Count + form[PlanPart].Count != 1)
        {
            return (null, [], ApiProblems.BadRequest(PlanPart, $"Gửi đúng một kế hoạch (JSON) trong phần «{PlanPart}»."));
        }

        if (planFiles.Count == 0)
        {
            return (form[PlanPart].ToString(), form.Files.GetFiles(TemplatesPart), null);
        }

        try
        {
            await using var stream = planFiles[0].OpenReadStream();
            return (await ApiJson.ReadUtf8Async(stream, cancellationToken), form.Files.GetFiles(TemplatesPart), null);
        }
        catch (DecoderFallbackException)
        {
            var notUtf8 = ApiJson.NotUtf8(PlanPart);
            return (null, [], ApiProblems.BadRequest(notUtf8.Field, notUtf8.Message));
        }
    }

    /// <summary>Each template is a name the plan declares, sent once, and a file the upload boundary would take.</summary>
    public static async Task<(List<TemplateUpload>? Templates, IResult? Problem)> CheckAsync(Plan plan, IReadOnlyList<IFormFile> files, StorageOptions limits, CancellationToken cancellationToken)
    {
        var checkedFiles = new List<TemplateUpload>();
        var declared = PlanTemplates.Declared(plan).Select(t => t.Template.File).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < files.Count; i++)
        {
            var field = $"{TemplatesPart}[{i}]";
            var name = files[i].FileName;
            if (!declared.Contains(name, StringComparer.Ordinal))
            {
                return (null, ApiProblems.BadRequest(field, declared.Count == 0
                    ? $"Kế hoạch không có tệp mẫu nào, nên không đính kèm được «{Clip(name)}»."
                    : $"«{Clip(name)}» không phải tệp mẫu của kế hoạch; các tệp mẫu: {string.Join(", ", declared)}."));
            }

            if (checkedFiles.Any(t => t.FileName == name))
            {
                return (null, ApiProblems.BadRequest(field, $"Tệp mẫu «{name}» được gửi hai lần."));
            }

            if (await UploadChecks.CheckAsync(files[i], field, limits, cancellationToken) is { } refused)
            {
                return (null, refused);
            }

            await using var stream = files[i].OpenReadStream();
            checkedFiles.Add(new TemplateUpload(name, await BinaryData.FromStreamAsync(stream, cancellationToken)));
        }

        return (checkedFiles, null);
    }

    /// <summary>A name quoted in a message: a forged one may be long.</summary>
    private static string Clip(string text) => text.Length <= 100 ? text : string.Concat(text.AsSpan(0, 100), "…");
}
