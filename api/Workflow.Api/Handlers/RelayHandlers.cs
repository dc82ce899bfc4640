using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Domain.Levels;
using Workflow.Domain.Reports;
using Workflow.Domain.Serialization;

namespace Workflow.Api.Handlers;

/// <summary>
/// Reporting from the base up: a relay issues its own plan to its units (a sub-cycle), reports to its parent from the
/// sub-cycle's consolidation with its corrections, and forwards its picks to the parent round.
/// </summary>
public static class RelayHandlers
{
    /// <summary>The most reasons a roll-up may carry: one per figure of a plan's forms is far fewer.</summary>
    private const int MaxReasons = 500;

    public static async Task<IResult> IssueAsync(string id, string relayId, HttpRequest request, DurableTaskClient client, SubCycles subCycles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CycleLookup.IsSafeId(id) || !CycleLookup.IsSafeId(relayId))
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedType("body", "Nội dung phải là JSON (Content-Type: application/json): thời hạn của cấp mình (deadlines), nhắc việc, đơn vị và nội dung bổ sung.");
        }

        string text;
        try
        {
            text = await ApiJson.ReadUtf8Async(request.Body, cancellationToken);
        }
        catch (System.Text.DecoderFallbackException)
        {
            var notUtf8 = ApiJson.NotUtf8("body");
            return ApiProblems.BadRequest(notUtf8.Field, notUtf8.Message);
        }

        var (body, invalid) = ApiJson.Read<RelayPlanRequest>(text, "body", PlanJson.Options);
        if (invalid is not null || body is null)
        {
            return ApiProblems.BadRequest(invalid?.Field ?? "body", invalid?.Message ?? "Thiếu nội dung kế hoạch của cấp mình.");
        }

        var issuedBy = request.HttpContext.User.Identity?.Name ?? "operator";
        var issue = await subCycles.IssueAsync(client, id, relayId, body, issuedBy, cancellationToken);
        if (issue.NotFound)
        {
            return issue.Errors.Count == 0 ? ApiProblems.CycleNotFound(id) : ApiProblems.NotFound(issue.Errors[0].Message);
        }

        if (issue.Conflict)
        {
            return ApiProblems.Conflict(issue.Errors[0].Message, issue.Errors.Select(e => new FieldError(e.Path, e.Message)));
        }

        if (issue.Plan is not { } plan)
        {
            return ApiProblems.BadRequest($"Kế hoạch của cấp mình có {issue.Errors.Count} lỗi; sửa tất cả rồi gửi lại.", issue.Errors.Select(e => new FieldError(e.Path, e.Message)));
        }

        var url = $"{CycleLookup.BaseUrl(request)}/api/cycles/{Uri.EscapeDataString(issue.CycleId!)}";
        return Results.Accepted(url, new SubCycleStarted(issue.CycleId!, url, id, relayId, plan.Title, plan.Units.Count,
            [.. plan.Deliverables.Select(d => new DeliverableInfo(d.Id, d.Title, d.Kind, d.Deadline.Describe(), ApiText.LastAccepted(d.Deadline, plan.TimeZone), d.LatePolicy, d.Optional))]));
    }

    /// <summary>What the relay hands down and by when it owes each to the parent: the form of its plan.</summary>
    public static async Task<IResult> PlanFormAsync(string id, string relayId, DurableTaskClient client, IPlanStore plans, ICycleLinks links, CancellationToken cancellationToken)
    {
        if (!CycleLookup.IsSafeId(id) || await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (plan.Units.FirstOrDefault(u => u.Id == relayId) is not { } relay)
        {
            return ApiProblems.NotFound($"Đơn vị «{relayId}» không thuộc kỳ báo cáo «{id}».");
        }

        var issued = (await links.ChildrenAsync(id, cancellationToken)).FirstOrDefault(l => l.RelayUnitId == relayId)?.CycleId;
        return Results.Ok(new RelayPlanForm(id, relay.Id, relay.Name, relay.Units.Count, issued,
        [
            .. PlanDerivation.Inherited(plan, relay).Select(s => new RelaySubject(s.Id, s.Title, s.IsNominationRound, s.ParentDeadline?.Describe(),
                s.ParentDeadline?.LastDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
        ]));
    }

    /// <summary>The cycle's relays: each with its sub-cycle and that sub-cycle's progress once issued.</summary>
    public static async Task<IResult> ListAsync(
        string id, DurableTaskClient client, IPlanStore plans, IStatusStore status, CycleClocks clocks, ICycleLinks links, CancellationToken cancellationToken)
    {
        if (!CycleLookup.IsSafeId(id) || await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        return Results.Ok(await RowsAsync(id, plan, client, plans, status, clocks, links, cancellationToken));
    }

    /// <summary>
    /// Each relay's row, its counts read from the sub-cycle's status rows now (as the cycle's own blocks are), not from
    /// its progress, which moves only at its schedule's steps.
    /// </summary>
    internal static async Task<List<RelayRow>> RowsAsync(
        string id, Plan plan, DurableTaskClient client, IPlanStore plans, IStatusStore status, CycleClocks clocks, ICycleLinks links, CancellationToken cancellationToken)
    {
        var children = (await links.ChildrenAsync(id, cancellationToken)).ToDictionary(l => l.RelayUnitId, StringComparer.Ordinal);
        var rows = new List<RelayRow>();
        foreach (var relay in plan.Units.Where(u => u.IsRelay || children.ContainsKey(u.Id)))
        {
            if (!children.TryGetValue(relay.Id, out var link)
                || await client.GetInstanceAsync(link.CycleId, cancellation: cancellationToken) is not { } instance
                || await plans.GetAsync(link.CycleId, cancellationToken) is not { } sub)
            {
                rows.Add(new RelayRow(relay.Id, relay.Name, relay.Units.Count, null, null, null, relay.Units.Count, 0, 0, 0, $"{relay.Name}: chưa ban hành kế hoạch cấp mình"));
                continue;
            }

            var now = await clocks.NowAsync(link.CycleId, cancellationToken);
            var states = new List<UnitState>();
            foreach (var deliverable in sub.Deliverables)
            {
                states.AddRange((await status.ListAsync(link.CycleId, deliverable.Id, cancellationToken)).Select(r => CycleLookup.StateOf(r, now, deliverable.Optional)));
            }

            var (onTime, late, missing) = (states.Count(s => s == UnitState.OnTime), states.Count(s => s == UnitState.Late), states.Count(s => s == UnitState.Missing));
            var expected = states.Count(s => s != UnitState.NotRequired);
            rows.Add(new RelayRow(relay.Id, relay.Name, relay.Units.Count, link.CycleId, instance.RuntimeStatus, instance.ReadCustomStatusAs<CycleProgress>()?.PhaseLabel,
                expected, onTime, late, missing,
                $"{relay.Name}: {onTime + late}/{expected} báo cáo của đơn vị trực thuộc đã nộp" + (late > 0 || missing > 0 ? $" ({late} nộp muộn, {missing} chưa nộp)" : "")));
        }

        return rows;
    }

    public static async Task<IResult> DraftAsync(string id, string deliverableId, SubCycles subCycles, CancellationToken cancellationToken)
    {
        if (!CycleLookup.IsSafeId(id) || !CycleLookup.IsSafeId(deliverableId) || await subCycles.DraftAsync(id, deliverableId, cancellationToken) is not { } draft)
        {
            return ApiProblems.NotFound($"«{id}» không phải kỳ báo cáo của cấp dưới có nội dung «{deliverableId}» phải báo cáo lên cấp trên.");
        }

        return Results.Ok(View(draft));
    }

    /// <summary>
    /// The relay's report to the parent, as multipart: its narrative «file», optionally «statistics» (the figures as sent,
    /// corrected or not; the pre-filled ones when absent), «corrections» (JSON: "form.field" → reason for each changed
    /// figure) and one «form:{formId}» file per file-only form.
    /// </summary>
    public static async Task<IResult> RollUpAsync(string id, string deliverableId, HttpRequest request, SubCycles subCycles, IOptions<StorageOptions> storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(storage);
        var (form, notForm) = await UploadChecks.ReadFormAsync(request, cancellationToken);
        if (form is null)
        {
            return notForm!;
        }

        if (!CycleLookup.IsSafeId(id) || !CycleLookup.IsSafeId(deliverableId) || await subCycles.DraftAsync(id, deliverableId, cancellationToken) is not { } draft)
        {
            return ApiProblems.NotFound($"«{id}» không phải kỳ báo cáo của cấp dưới có nội dung «{deliverableId}» phải báo cáo lên cấp trên.");
        }

        var files = form.Files.GetFiles("file");
        if (files.Count != 1)
        {
            return ApiProblems.BadRequest("file", "Gửi đúng một tệp báo cáo của cấp mình trong trường «file».");
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

        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (form.TryGetValue("corrections", out var correctionsJson))
        {
            var (parsed, error) = ApiJson.Read<Dictionary<string, string>>(correctionsJson.ToString(), "corrections");
            if (error is not null)
            {
                return ApiProblems.BadRequest(error.Field, error.Message);
            }

            if (parsed is { Count: > MaxReasons } || parsed?.Values.Any(r => r is { Length: > CycleCommandHandlers.MaxReasonLength }) == true)
            {
                return ApiProblems.BadRequest("corrections", $"Tối đa {MaxReasons} lý do, mỗi lý do tối đa {CycleCommandHandlers.MaxReasonLength} ký tự.");
            }

            reasons = parsed ?? reasons;
        }

        var (filled, badPart) = UploadHandlers.FilledForms(form);
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

        var by = request.HttpContext.User.Identity?.Name ?? "operator";
        var streams = filled.Select(f => f.OpenReadStream()).ToList();
        try
        {
            await using var content = file.OpenReadStream();
            var forms = filled.Select((f, i) => new FilledForm(f.Name[FormFiles.PartPrefix.Length..], new IncomingFile(f.FileName, f.ContentType, streams[i]))).ToList();
            var result = await subCycles.SubmitAsync(draft, new IncomingFile(file.FileName, file.ContentType, content), forms, statistics, reasons, by, cancellationToken);
            return UploadHandlers.ReportAnswer(result, draft.Deliverable);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    public static async Task<IResult> ForwardAsync(string id, string roundId, SubCycles subCycles, CancellationToken cancellationToken)
    {
        if (!CycleLookup.IsSafeId(id) || !CycleLookup.IsSafeId(roundId) || await subCycles.ForwardAsync(id, roundId, cancellationToken) is not { } forwarded)
        {
            return ApiProblems.NotFound($"«{id}» không phải kỳ báo cáo của cấp dưới có đợt lựa chọn đề nghị «{roundId}».");
        }

        if (forwarded.Count == 0)
        {
            return ApiProblems.Conflict("Chưa có đề nghị nào được lựa chọn và xét trong chỉ tiêu của cấp mình để gửi lên cấp trên.");
        }

        return Results.Ok(forwarded.Select(f => new ForwardRow(f.NominationId, f.ParentNominationId, f.Name, f.Problems.Count == 0 && f.ReceiptNumber is not null, f.ReceiptNumber,
            [.. f.Problems.Select(p => p.Message)])).ToList());
    }

    private static RollUpView View(RollUpDraft draft)
    {
        var figures = new List<RollUpFigure>();
        foreach (var form in draft.Deliverable.Forms)
        {
            foreach (var field in form.Fields)
            {
                if (draft.Prefilled.Get(form.Id, field.Id) is { } value)
                {
                    figures.Add(new RollUpFigure(form.Id, field.Id, field.Label,
                        value.Rows is { } rows ? $"{rows.Count} dòng" : value.Number?.ToString("#,##0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) ?? ""));
                }
            }
        }

        return new RollUpView(draft.SubCycleId, draft.ParentCycleId, draft.RelayUnitId, draft.Deliverable.Id, draft.Deliverable.Title, draft.Base,
            draft.Base.Describe(draft.RelayName), figures, draft.Prefilled);
    }
}
