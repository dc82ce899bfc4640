using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Api.Security;
using Workflow.Exports;

namespace Workflow.Api.Handlers;

/// <summary>
/// A unit's table fields as spreadsheets: the template to fill (per unit: only tables of forms the unit fills, and the
/// workbook names the unit and the plan), and the rows read back from a filled .xlsx or .csv. Reading stores nothing:
/// the rows go into the page's table, and the report's submission checks them again (<see cref="Workflow.Domain.Reports.StatisticsValidator"/>).
/// </summary>
public static class TableHandlers
{
    public static async Task<IResult> TemplateAsync(
        HttpContext context, string deliverableId, string formId, string fieldId, string? format, IPlanStore plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var me = UnitIdentity.From(context.User);
        var (table, missing) = await FindAsync(me, deliverableId, formId, fieldId, plans, cancellationToken);
        if (table is null)
        {
            return missing!;
        }

        using var buffer = new MemoryStream();
        switch (format)
        {
            case null or "" or "xlsx":
                TableTemplate.WriteXlsx(table.Field, table.About, buffer);
                return new DownloadResult(buffer.ToArray(), $"{fieldId}-{me.UnitId}.xlsx", ContentSniffer.MediaType(".xlsx"));
            case "csv":
                TableTemplate.WriteCsv(table.Field, buffer);
                return new DownloadResult(buffer.ToArray(), $"{fieldId}-{me.UnitId}.csv", "text/csv; charset=utf-8");
            default:
                return ApiProblems.BadRequest("format", "Mẫu bảng có dạng xlsx hoặc csv (format=xlsx hoặc format=csv).");
        }
    }

    public static async Task<IResult> RowsAsync(
        HttpRequest request, string deliverableId, string formId, string fieldId, IPlanStore plans, IOptions<StorageOptions> storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(storage);
        var me = UnitIdentity.From(request.HttpContext.User);
        var (form, notForm) = await UploadChecks.ReadFormAsync(request, cancellationToken);
        if (form is null)
        {
            return notForm!;
        }

        var (table, missing) = await FindAsync(me, deliverableId, formId, fieldId, plans, cancellationToken);
        if (table is null)
        {
            return missing!;
        }

        var files = form.Files.GetFiles("file");
        if (files.Count != 1)
        {
            return ApiProblems.BadRequest("file", "Gửi đúng một tệp bảng (.xlsx hoặc .csv) trong trường «file».");
        }

        var file = files[0];
        if (Check(file, storage.Value) is { } refused)
        {
            return refused;
        }

        await using var content = file.OpenReadStream();
        var result = TableFileReader.Read(table.Field, file.FileName, content);
        if (!result.Ok)
        {
            // The rows as read come back too, so the page can show each beside its errors and the unit fix them there.
            return Results.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Yêu cầu không hợp lệ",
                Detail = $"Bảng «{table.Field.Label}» trong tệp có {result.Errors.Count} lỗi; sửa rồi tải lên lại (dòng 1 là tên cột, dòng dữ liệu đầu tiên là dòng 2).",
                Extensions =
                {
                    ["errors"] = result.Errors.Select(e => new FieldError(e.Field, e.Message)).ToList(),
                    ["rows"] = result.Rows,
                },
            });
        }

        return Results.Ok(new TableRows(table.Form.Id, table.Field.Id, result.Rows.Count, result.Rows));
    }

    /// <summary>The file's name, size and, for a workbook, its package and content are checked as every upload's are.</summary>
    internal static IResult? Check(IFormFile file, StorageOptions limits)
    {
        if (FileNameSanitizer.Refusal(file.FileName) is { } refusal)
        {
            return ApiProblems.BadRequest("file", $"Tệp không được tiếp nhận: {refusal}");
        }

        var limit = Math.Min(TableFileReader.MaxBytes, limits.MaxFileBytes);
        if (file.Length > limit)
        {
            return ApiProblems.TooLarge("file", $"Tệp bảng vượt quá {limit / 1024} KB; một bảng số liệu chỉ cần vài chục KB.");
        }

        if (file.Length == 0)
        {
            return ApiProblems.BadRequest("file", "Tệp rỗng (0 byte).");
        }

        var name = FileNameSanitizer.Sanitize(file.FileName) ?? "";
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            return ApiProblems.UnsupportedType("file", "Chỉ nhận bảng dạng .xlsx (Excel) hoặc .csv (CSV UTF-8).");
        }

        if (extension == ".xlsx")
        {
            using var stream = file.OpenReadStream();
            if (ContentSniffer.Inspect(name, stream) is { } problem)
            {
                return problem.TooLarge ? ApiProblems.TooLarge("file", problem.Message) : ApiProblems.UnsupportedType("file", problem.Message);
            }
        }

        return null;
    }

    private static async Task<(TableOfUnit? Table, IResult? Missing)> FindAsync(
        UnitIdentity me, string deliverableId, string formId, string fieldId, IPlanStore plans, CancellationToken cancellationToken)
    {
        var missing = ApiProblems.NotFound("Đơn vị không có bảng này để điền trong kỳ báo cáo.");
        if (!CycleLookup.IsSafeId(deliverableId) || !CycleLookup.IsSafeId(formId) || !CycleLookup.IsSafeId(fieldId))
        {
            return (null, missing);
        }

        var plan = await plans.GetAsync(me.CycleId, cancellationToken);
        var unit = plan?.Units.FirstOrDefault(u => u.Id == me.UnitId);
        if (plan is null || unit is null
            || plan.Deliverables.FirstOrDefault(d => d.Id == deliverableId) is not { } deliverable || !deliverable.AppliesTo.Includes(unit)
            || deliverable.FormsFor(unit).FirstOrDefault(f => f.Id == formId) is not { } form
            || form.Fields.FirstOrDefault(f => f.Id == fieldId && f.Type == FieldType.Table) is not { } field)
        {
            return (null, missing);
        }

        KeyValuePair<string, string>[] about =
        [
            new("Đơn vị", unit.Name),
            new("Kế hoạch", $"Số {plan.Number}: {plan.Title}"),
            new("Nội dung phải nộp", deliverable.Title),
            new("Biểu mẫu", form.Title),
            new("Bảng", field.Label),
        ];
        return (new TableOfUnit(form, field, about), null);
    }

    private sealed record TableOfUnit(StatisticalForm Form, FormField Field, IReadOnlyList<KeyValuePair<string, string>> About);
}
