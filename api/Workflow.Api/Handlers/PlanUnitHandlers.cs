using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;
using Workflow.Exports;

namespace Workflow.Api.Handlers;

/// <summary>
/// A plan's units kept in a spreadsheet while the operator drafts the plan: the template to fill, and a filled file read
/// against the plan being edited. Nothing is stored: the answer is the difference and the units, which the operator
/// puts in the plan before starting its cycle.
/// </summary>
public static class PlanUnitHandlers
{
    public const string PlanPart = "plan";
    public const string FilePart = "file";

    public static IResult Template(string? format) => Download(format, []);

    /// <summary>
    /// The template filled with the units of the plan being edited (the body, JSON; it need not validate yet): a row per
    /// unit, each before the units under it, so the operator edits the list the plan has and imports it back.
    /// </summary>
    public static async Task<IResult> FilledTemplateAsync(string? format, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsFormat(format))
        {
            return Download(format, []);
        }

        var (body, problem) = await PlanBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var read = PlanJson.Read(body.Text);
        if (read.Plan is not { } plan)
        {
            return ApiProblems.BadRequest($"Kế hoạch không đọc được ({read.Errors.Count} lỗi).", PlanBody.Fields(read.Errors));
        }

        // A list the reader would refuse is no template to edit.
        var count = plan.AllUnits().Count();
        if (count > UnitFileReader.MaxUnits)
        {
            return ApiProblems.BadRequest("units",
                $"Kế hoạch có {count.ToString("N0", ApiText.Culture)} đơn vị, quá {UnitFileReader.MaxUnits.ToString("N0", ApiText.Culture)} đơn vị một danh sách nhận được; tách danh sách theo từng đơn vị cấp trên.");
        }

        return Download(format, plan.Units);
    }

    private static bool IsFormat(string? format) => format is null or "" or "xlsx" or "csv";

    private static IResult Download(string? format, IReadOnlyList<Unit> units)
    {
        using var buffer = new MemoryStream();
        switch (format)
        {
            case null or "" or "xlsx":
                UnitTemplate.WriteXlsx(buffer, units);
                return new DownloadResult(buffer.ToArray(), "danh-sach-don-vi.xlsx", ContentSniffer.MediaType(".xlsx"));
            case "csv":
                UnitTemplate.WriteCsv(buffer, units);
                return new DownloadResult(buffer.ToArray(), "danh-sach-don-vi.csv", "text/csv; charset=utf-8");
            default:
                return ApiProblems.BadRequest("format", "Mẫu danh sách đơn vị có dạng xlsx hoặc csv (format=xlsx hoặc format=csv).");
        }
    }

    /// <summary>multipart/form-data: «plan», the plan JSON being edited (text or file), and «file», the unit list (.xlsx or .csv).</summary>
    public static async Task<IResult> ImportAsync(HttpRequest request, IOptions<StorageOptions> storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(storage);
        var (form, notForm) = await UploadChecks.ReadFormAsync(request, cancellationToken);
        if (form is null)
        {
            return notForm!;
        }

        if (form.Keys.Concat(form.Files.Select(f => f.Name)).FirstOrDefault(n => n is not (PlanPart or FilePart)) is { } unknown)
        {
            var name = unknown.Length > 40 ? unknown[..40] + "…" : unknown;
            return ApiProblems.BadRequest(unknown, $"Phần «{name}» không thuộc yêu cầu nhập danh sách đơn vị; chỉ gửi «{PlanPart}» (kế hoạch JSON) và «{FilePart}» (tệp .xlsx hoặc .csv).");
        }

        var (plan, badPlan) = await PlanAsync(form, cancellationToken);
        if (plan is null)
        {
            return badPlan!;
        }

        var files = form.Files.GetFiles(FilePart);
        if (files.Count != 1)
        {
            return ApiProblems.BadRequest(FilePart, "Gửi đúng một tệp danh sách đơn vị (.xlsx hoặc .csv) trong phần «file».");
        }

        if (TableHandlers.Check(files[0], storage.Value) is { } refused)
        {
            return refused;
        }

        await using var content = files[0].OpenReadStream();
        var read = UnitFileReader.Read(plan, files[0].FileName, content);
        if (!read.Ok)
        {
            return ApiProblems.BadRequest(
                $"Danh sách đơn vị trong tệp có {read.Errors.Count} lỗi; sửa tất cả rồi tải lên lại (dòng 1 là tên cột).",
                read.Errors.Select(e => new FieldError(FilePart, e.Message)));
        }

        var applied = UnitListDiff.Apply(plan, read.Units);
        var planErrors = PlanValidator.Validate(applied).Select(e => new FieldError(e.Path, e.Message)).ToList();
        return Results.Ok(new UnitImport(UnitListDiff.Between(plan.Units, read.Units), applied.AllUnits().Count(), read.Units, planErrors));
    }

    /// <summary>The plan being edited, parsed only: a draft need not validate yet, the reader needs its blocks and members.</summary>
    private static async Task<(Plan? Plan, IResult? Problem)> PlanAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var planFiles = form.Files.GetFiles(PlanPart);
        if (planFiles.Count + form[PlanPart].Count != 1)
        {
            return (null, ApiProblems.BadRequest(PlanPart, $"Gửi đúng một kế hoạch (JSON) đang soạn trong phần «{PlanPart}»."));
        }

        string text;
        try
        {
            if (planFiles.Count == 0)
            {
                text = form[PlanPart].ToString();
            }
            else
            {
                await using var stream = planFiles[0].OpenReadStream();
                text = await ApiJson.ReadUtf8Async(stream, cancellationToken);
            }
        }
        catch (System.Text.DecoderFallbackException)
        {
            var notUtf8 = ApiJson.NotUtf8(PlanPart);
            return (null, ApiProblems.BadRequest(notUtf8.Field, notUtf8.Message));
        }

        var read = PlanJson.Read(text);
        return read.Plan is { } plan
            ? (plan, null)
            : (null, ApiProblems.BadRequest($"Kế hoạch trong phần «{PlanPart}» không đọc được ({read.Errors.Count} lỗi).", read.Errors.Select(e => new FieldError($"{PlanPart}{e.Path.TrimStart('$')}", e.Message))));
    }
}
