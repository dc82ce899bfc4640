using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Api.Security;
using Workflow.Domain.Reports;

namespace Workflow.Api.Handlers;

/// <summary>
/// Units upload reports and nomination dossiers. The arrival instant is read once the whole form has been read, so
/// a slow upload is judged by its last byte: one started before the deadline and finished after it is late. Kestrel's
/// body and header timeouts (the host's options) bound how long a trickle can hold a request open.
/// </summary>
public static class UploadHandlers
{
    public static async Task<IResult> ReportAsync(
        HttpRequest request, string deliverableId, SubmissionService submissions, IPlanStore plans, IOptions<StorageOptions> storage, CycleClocks clocks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = UnitIdentity.From(request.HttpContext.User);
        var (form, notForm) = await UploadChecks.ReadFormAsync(request, cancellationToken);
        if (form is null)
        {
            return notForm!;
        }

        // The cycle's business time once the whole request has arrived: the last byte decides, not the first.
        var arrival = await clocks.NowAsync(me.CycleId, cancellationToken);

        var plan = await plans.GetAsync(me.CycleId, cancellationToken);
        var unit = plan?.Units.FirstOrDefault(u => u.Id == me.UnitId);
        if (plan is null || unit is null || plan.Deliverables.FirstOrDefault(d => d.Id == deliverableId) is not { } deliverable || !deliverable.AppliesTo.Includes(unit))
        {
            return ApiProblems.NotFound($"Đơn vị không có yêu cầu nộp «{deliverableId}» trong kỳ báo cáo này.");
        }

        var files = form.Files.GetFiles("file");
        if (files.Count != 1)
        {
            return ApiProblems.BadRequest("file", "Gửi đúng một tệp báo cáo trong trường «file».");
        }

        ReportStatistics? statistics = null;
        if (form.TryGetValue("statistics", out var json))
        {
            var (parsed, error) = ApiJson.Read<ReportStatistics>(json.ToString(), "statistics", StatisticsJson.Options);
            if (error is not null)
            {
                return ApiProblems.BadRequest(error.Field, error.Message);
            }

            statistics = parsed;
        }

        var (filled, badPart) = FilledForms(form);
        if (badPart is not null)
        {
            return badPart;
        }

        var file = files[0];
        if (await UploadChecks.CheckAsync(file, "file", storage.Value, cancellationToken) is { } refused)
        {
            return refused;
        }

        foreach (var part in filled)
        {
            if (await UploadChecks.CheckAsync(part, part.Name, storage.Value, cancellationToken) is { } refusedForm)
            {
                return refusedForm;
            }
        }

        var streams = filled.Select(f => f.OpenReadStream()).ToList();
        try
        {
            await using var content = file.OpenReadStream();
            var forms = filled.Select((f, i) => new FilledForm(f.Name[FormFiles.PartPrefix.Length..], new IncomingFile(f.FileName, f.ContentType, streams[i]))).ToList();
            var result = await submissions.SubmitReportAsync(
                me.CycleId, me.UnitId, deliverableId, new IncomingFile(file.FileName, file.ContentType, content), forms, statistics, arrival, cancellationToken);
            return ReportAnswer(result, deliverable);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The filled files of file-only forms: one file part per form, named «form:{formId}». A text part of that name, an
    /// id no plan could hold or more parts than one submission stores are refused before any file is read.
    /// </summary>
    internal static (List<IFormFile> Files, IResult? Problem) FilledForms(IFormCollection form)
    {
        if (form.Keys.FirstOrDefault(k => k.StartsWith(FormFiles.PartPrefix, StringComparison.Ordinal)) is { } text)
        {
            return ([], ApiProblems.BadRequest(Clip(text), $"Phần «{Clip(text)}» phải là tệp biểu mẫu đã điền, không phải văn bản."));
        }

        var parts = form.Files.Where(f => f.Name.StartsWith(FormFiles.PartPrefix, StringComparison.Ordinal)).ToList();
        if (parts.Count >= StorageLimits.MaxFilesPerBatch)
        {
            return ([], ApiProblems.BadRequest("forms", $"Có {parts.Count} tệp biểu mẫu; mỗi lần nộp tối đa {StorageLimits.MaxFilesPerBatch - 1} tệp biểu mẫu."));
        }

        if (parts.FirstOrDefault(p => !CycleLookup.IsSafeId(p.Name[FormFiles.PartPrefix.Length..])) is { } bad)
        {
            return ([], ApiProblems.BadRequest("forms", $"Tên phần «{Clip(bad.Name)}» không hợp lệ: ghi «{FormFiles.PartPrefix}» rồi mã biểu mẫu trong kế hoạch."));
        }

        return (parts, null);
    }

    /// <summary>201 with a receipt naming every file, or the refusal: late (409), or each problem by its field or part.</summary>
    internal static IResult ReportAnswer(SubmissionResult result, Deliverable deliverable)
    {
        if (result.Problems.Count > 0 || result.Files.Count == 0)
        {
            return UploadChecks.Refused(result, "file");
        }

        var upload = result.Files[0];
        if (upload.Outcome == UploadOutcome.RejectedLate)
        {
            return UploadChecks.Late(upload, "file");
        }

        if (!result.Accepted)
        {
            return UploadChecks.Refused(result, "file");
        }

        return Results.Created("/api/unit/receipts", new ReportReceipt(
            upload.Outcome, upload.ReceiptNumber!, upload.ReceivedAt.ToUniversalTime(), ApiText.Arrival(upload.ReceivedAt)!, upload.Version ?? 0,
            upload.Outcome == UploadOutcome.AcceptedLate, upload.Sha256, upload.FileName)
        {
            Files = [.. result.Files.Select(f => new ReportFile(f.Form, FormTitle(deliverable, f.Form), f.FileName, f.ReceiptNumber, f.Version, f.Sha256))],
        });
    }

    /// <summary>"Báo cáo" for the report file, the form's title for a filled form.</summary>
    internal static string FormTitle(Deliverable deliverable, string? formId) =>
        formId is null ? "Báo cáo" : deliverable.Forms.FirstOrDefault(f => f.Id == formId)?.Title ?? formId;

    private static string Clip(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 120), "…");

    private const string EvidencePart = "evidence.";

    public static async Task<IResult> NominationAsync(
        HttpRequest request, string roundId, SubmissionService submissions, IPlanStore plans, IOptions<StorageOptions> storage, CycleClocks clocks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = UnitIdentity.From(request.HttpContext.User);
        var (form, notForm) = await UploadChecks.ReadFormAsync(request, cancellationToken);
        if (form is null)
        {
            return notForm!;
        }

        // The cycle's business time once the whole request has arrived: the last byte decides, not the first.
        var arrival = await clocks.NowAsync(me.CycleId, cancellationToken);

        var plan = await plans.GetAsync(me.CycleId, cancellationToken);
        var unit = plan?.Units.FirstOrDefault(u => u.Id == me.UnitId);
        if (plan is null || unit is null || plan.NominationRounds.FirstOrDefault(r => r.Id == roundId && r.PickedFrom is null) is not { } round || !round.Proposers.Includes(unit))
        {
            return ApiProblems.NotFound($"Đơn vị không được đề nghị khen thưởng trong đợt «{roundId}» của kỳ báo cáo này.");
        }

        if (round.Deadline is null)
        {
            return ApiProblems.Conflict(SubmissionService.UndatedRound(round), [new FieldError("roundId", SubmissionService.UndatedRound(round))]);
        }

        var (body, invalid) = ApiJson.Read<NominationBody>(form["nomination"].ToString(), "nomination");
        if (body is null)
        {
            return ApiProblems.BadRequest(invalid!.Field, invalid.Message);
        }

        var errors = Check(body);
        var documents = body.Documents ?? [];
        var files = form.Files.GetFiles("files");
        if (files.Count != documents.Count)
        {
            errors.Add(new FieldError("files", $"Có {documents.Count} thành phần hồ sơ trong «nomination.documents» nhưng {files.Count} tệp trong «files»; gửi mỗi thành phần một tệp, đúng thứ tự."));
        }

        // Each record's decision file in its own part, "evidence.{record id}".
        var declared = (body.Achievements ?? []).Where(a => a?.Id is not null).Select(a => a!.Id!).ToHashSet(StringComparer.Ordinal);
        var evidence = form.Files.Where(f => f.Name.StartsWith(EvidencePart, StringComparison.Ordinal)).ToList();
        foreach (var part in evidence.GroupBy(f => f.Name[EvidencePart.Length..], StringComparer.Ordinal))
        {
            if (!declared.Contains(part.Key))
            {
                errors.Add(new FieldError(part.First().Name, $"Tệp minh chứng gửi cho thành tích «{part.Key}», nhưng «nomination.achievements» không có thành tích nào mang mã này."));
            }
            else if (part.Count() > 1)
            {
                errors.Add(new FieldError(part.First().Name, $"Thành tích «{part.Key}» chỉ kèm một tệp quyết định."));
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest("Hồ sơ đề nghị không hợp lệ.", errors);
        }

        for (var i = 0; i < files.Count; i++)
        {
            if (await UploadChecks.CheckAsync(files[i], $"files[{i}]", storage.Value, cancellationToken) is { } refused)
            {
                return refused;
            }
        }

        foreach (var file in evidence)
        {
            if (await UploadChecks.CheckAsync(file, file.Name, storage.Value, cancellationToken) is { } refused)
            {
                return refused;
            }
        }

        var nomination = new Nomination
        {
            Id = body.Id!,
            Round = roundId,
            ProposedBy = me.UnitId,
            NomineeUnit = body.NomineeUnit!,
            Kind = body.Kind!.Value,
            Name = body.Name!.Trim(),
            IsPolice = body.IsPolice,
            Profile = body.Profile ?? "",
            Record = body.Record ?? new NomineeRecord(),
            Position = string.IsNullOrWhiteSpace(body.Position) ? null : body.Position.Trim(),
            PersonalId = string.IsNullOrWhiteSpace(body.PersonalId) ? null : body.PersonalId.Trim(),
            Achievements = [.. (body.Achievements ?? []).Select(a => new AchievementRecord
            {
                Id = a!.Id!,
                Year = a.Year!.Value,
                Title = a.Title!.Trim(),
                Scale = string.IsNullOrWhiteSpace(a.Scale) ? null : a.Scale,
                Level = string.IsNullOrWhiteSpace(a.Level) ? null : a.Level,
                DecisionNumber = string.IsNullOrWhiteSpace(a.DecisionNumber) ? null : a.DecisionNumber.Trim(),
                DecisionDate = a.DecisionDate,
                Issuer = string.IsNullOrWhiteSpace(a.Issuer) ? null : a.Issuer.Trim(),
            })],
        };
        var parts = files.Concat(evidence).ToList();
        var streams = parts.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var incoming = documents.Select((d, i) => new NominationFile(d.DocumentId, d.LineCount, new IncomingFile(files[i].FileName, files[i].ContentType, streams[i])))
                .Concat(evidence.Select((f, i) => new NominationFile(EvidenceFile.DocumentIdOf(f.Name[EvidencePart.Length..]), null, new IncomingFile(f.FileName, f.ContentType, streams[files.Count + i]))))
                .ToList();
            var result = await submissions.SubmitNominationAsync(me.CycleId, me.UnitId, roundId, nomination, incoming, arrival, cancellationToken);
            if (result.Conflict)
            {
                // The id is another unit's: never overwritten, and the unit is told to choose another.
                return ApiProblems.Conflict(result.Problems[0].Message, [.. result.Problems.Select(p => new FieldError(p.Field, p.Message))]);
            }

            if (result.Problems.Count > 0 || result.Files.Count == 0)
            {
                return UploadChecks.Refused(result, "files");
            }

            if (result.Files.FirstOrDefault(f => f.Outcome == UploadOutcome.RejectedLate) is { } late)
            {
                return UploadChecks.Late(late, "files");
            }

            if (!result.Accepted)
            {
                return UploadChecks.Refused(result, "files");
            }

            var first = result.Files[0];
            return Results.Created("/api/unit/receipts", new NominationReceipt(
                first.Outcome, nomination.Id, first.ReceiptNumber!, first.ReceivedAt.ToUniversalTime(), ApiText.Arrival(first.ReceivedAt)!,
                first.Outcome == UploadOutcome.AcceptedLate,
                [.. result.Files.Select((f, i) => new FileReceipt(incoming[i].DocumentId, f.FileName, f.ReceiptNumber!, f.Version ?? 0, f.Sha256))]));
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static List<FieldError> Check(NominationBody body)
    {
        var errors = new List<FieldError>();
        if (!CycleLookup.IsSafeId(body.Id))
        {
            errors.Add(new FieldError("nomination.id", "Thiếu hoặc sai mã đề nghị: chỉ dùng chữ, số, '.', '_' hoặc '-'."));
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors.Add(new FieldError("nomination.name", "Thiếu tên tập thể, cá nhân được đề nghị."));
        }

        if (body.Kind is null)
        {
            errors.Add(new FieldError("nomination.kind", "Thiếu loại đề nghị: collective (tập thể) hoặc individual (cá nhân)."));
        }

        if (string.IsNullOrWhiteSpace(body.NomineeUnit))
        {
            errors.Add(new FieldError("nomination.nomineeUnit", "Thiếu đơn vị của tập thể, cá nhân được đề nghị."));
        }

        if (body.Documents is not { Count: > 0 })
        {
            errors.Add(new FieldError("nomination.documents", "Hồ sơ chưa có thành phần nào."));
        }
        else
        {
            for (var i = 0; i < body.Documents.Count; i++)
            {
                if (body.Documents[i] is null)
                {
                    errors.Add(new FieldError($"nomination.documents[{i}]", "Thành phần hồ sơ không được để trống (null)."));
                }
            }
        }

        errors.AddRange(CheckRecord(body.Record));
        var achievements = body.Achievements ?? [];
        for (var i = 0; i < achievements.Count; i++)
        {
            var field = $"nomination.achievements[{i}]";
            if (achievements[i] is not { } a)
            {
                errors.Add(new FieldError(field, "Thành tích không được để trống (null)."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(a.Id))
            {
                errors.Add(new FieldError($"{field}.id", "Thiếu mã thành tích."));
            }

            if (a.Year is null)
            {
                errors.Add(new FieldError($"{field}.year", "Thiếu năm đạt danh hiệu, hình thức khen thưởng."));
            }

            if (string.IsNullOrWhiteSpace(a.Title))
            {
                errors.Add(new FieldError($"{field}.title", "Thiếu tên danh hiệu, hình thức khen thưởng."));
            }
        }

        return errors;
    }

    /// <summary>
    /// The record may be omitted (then nothing is declared), but no part of it may be null: the council judges what is
    /// declared, and a null is neither a level, a yes/no nor a number.
    /// </summary>
    private static IEnumerable<FieldError> CheckRecord(NomineeRecord? record)
    {
        if (record is null)
        {
            yield break;
        }

        const string Null = "không được để trống (null); bỏ hẳn mục này nếu không khai báo.";
        if (record.Yearly is null)
        {
            yield return new FieldError("nomination.record.yearly", $"Thành tích hằng năm {Null}");
        }
        else
        {
            foreach (var (scale, years) in record.Yearly)
            {
                if (years is null)
                {
                    yield return new FieldError($"nomination.record.yearly.{scale}", $"Thành tích theo thang «{scale}» {Null}");
                    continue;
                }

                foreach (var year in years.Where(y => string.IsNullOrWhiteSpace(y.Value)).Select(y => y.Key))
                {
                    yield return new FieldError($"nomination.record.yearly.{scale}.{year}", $"Mức đạt năm {year} {Null}");
                }
            }
        }

        if (record.Flags is null)
        {
            yield return new FieldError("nomination.record.flags", $"Các mục có/không {Null}");
        }

        if (record.Numbers is null)
        {
            yield return new FieldError("nomination.record.numbers", $"Các mục số {Null}");
        }
    }
}
