using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Api.Handlers;

/// <summary>Operators steer cycles: start one from a plan, extend a deadline, pick nominees, suspend, resume, terminate.</summary>
public static class CycleCommandHandlers
{
    public static async Task<IResult> StartAsync(HttpRequest request, string? id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedType("body", "Nội dung phải là kế hoạch dạng JSON (Content-Type: application/json).");
        }

        using var reader = new StreamReader(request.Body);
        var read = PlanJson.Read(await reader.ReadToEndAsync(cancellationToken));
        var errors = read.Plan is { } parsed ? PlanValidator.Validate(parsed) : read.Errors;
        if (read.Plan is not { } plan || errors.Count > 0)
        {
            return ApiProblems.BadRequest($"Kế hoạch có {errors.Count} lỗi; sửa tất cả rồi gửi lại.", errors.Select(e => new FieldError(e.Path, e.Message)));
        }

        var cycleId = string.IsNullOrWhiteSpace(id) ? plan.Id : id;
        if (!CycleLookup.IsSafeId(cycleId))
        {
            return ApiProblems.BadRequest("id", $"Mã kỳ báo cáo «{cycleId}» không hợp lệ: chỉ dùng chữ, số, '.', '_' hoặc '-' (tối đa 100 ký tự).");
        }

        // A cycle id names its stored plan and receipts for good: it is never reused, whatever state the old instance is in.
        if (await client.GetInstanceAsync(cycleId, cancellationToken: cancellationToken) is { } existing)
        {
            return ApiProblems.Conflict(
                $"Kỳ báo cáo «{cycleId}» đã tồn tại (trạng thái: {existing.RuntimeStatus}); dùng mã khác (?id=).",
                [new FieldError("id", "Mã kỳ báo cáo đã được dùng.")]);
        }

        var startedBy = request.HttpContext.User.Identity?.Name ?? "operator";
        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), new CycleInput(cycleId, plan, startedBy), new StartOrchestrationOptions(cycleId), cancellationToken);
        var cycle = $"{CycleLookup.BaseUrl(request)}/api/cycles/{Uri.EscapeDataString(cycleId)}";
        var body = new CycleStarted(cycleId, cycle, $"{cycle}/extensions", $"{cycle}/terminate", $"{cycle}/suspend", $"{cycle}/resume");
        return Results.Accepted(cycle, body);
    }

    public static async Task<IResult> ExtendAsync(string id, HttpRequest request, DurableTaskClient client, IPlanStore plans, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiJson.ReadBodyAsync<ExtensionBody>(request, cancellationToken: cancellationToken);
        var plan = await CycleLookup.PlanAsync(plans, client, id, cancellationToken);
        if (plan is null || await CycleLookup.InstanceAsync(client, id, inputs: false, cancellationToken) is not { } instance)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (body is null)
        {
            return ApiProblems.BadRequest(invalid!.Field, invalid.Message);
        }

        var errors = new List<FieldError>();
        var subject = plan.Subjects().FirstOrDefault(s => s.Id == body.Subject);
        if (subject is null)
        {
            errors.Add(new FieldError("subject", $"Kế hoạch không có nội dung phải nộp hay đợt đề nghị «{body.Subject}»."));
        }

        var units = body.Units ?? [];
        for (var i = 0; i < units.Count; i++)
        {
            var unit = plan.Units.FirstOrDefault(u => u.Id == units[i]);
            if (unit is null || (subject is not null && !subject.Scope.Includes(unit)))
            {
                errors.Add(new FieldError($"units[{i}]", $"Đơn vị «{units[i]}» không có trong kế hoạch hoặc không phải nộp «{body.Subject}»."));
            }
        }

        if (body.NewDeadline?.FirstLateDay is null)
        {
            errors.Add(new FieldError("newDeadline", "Thời hạn mới không hợp lệ: cần semantics (before, by, within-month) và date (yyyy-MM-dd) hoặc month (yyyy-MM)."));
        }

        if (string.IsNullOrWhiteSpace(body.RequestedBy))
        {
            errors.Add(new FieldError("requestedBy", "Thiếu người đề nghị gia hạn."));
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            errors.Add(new FieldError("reason", "Thiếu lý do gia hạn."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest("Yêu cầu gia hạn không hợp lệ.", errors);
        }

        if (!instance.IsRunning)
        {
            return ApiProblems.Conflict($"Kỳ báo cáo «{id}» không còn chạy (trạng thái: {instance.RuntimeStatus}); không gia hạn được.");
        }

        var deadline = body.NewDeadline!;
        var extension = new DeadlineExtension(subject!.Id, deadline, units, body.RequestedBy!.Trim(), body.Reason!.Trim());
        await client.RaiseEventAsync(InstanceIds.Cycle(id), DeadlineExtension.EventName, extension, cancellationToken);
        return Results.Accepted(value: new ExtensionAccepted(id, subject.Id, deadline.Describe(), ApiText.LastAccepted(deadline, plan.TimeZone), units));
    }

    public static async Task<IResult> PickAsync(string id, string roundId, HttpRequest request, DurableTaskClient client, IPlanStore plans, IStatusStore status, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiJson.ReadBodyAsync<PicksBody>(request, cancellationToken: cancellationToken);
        if (invalid is not null)
        {
            return ApiProblems.BadRequest(invalid.Field, invalid.Message);
        }

        var plan = await CycleLookup.PlanAsync(plans, client, id, cancellationToken);
        if (plan is null)
        {
            return ApiProblems.CycleNotFound(id);
        }

        var round = plan.NominationRounds.FirstOrDefault(r => r.Id == roundId);
        if (round is null)
        {
            return ApiProblems.NotFound($"Kế hoạch không có đợt khen thưởng «{roundId}».");
        }

        if (round.PickedFrom is null)
        {
            return ApiProblems.BadRequest("roundId", $"«{round.Title}» do các đơn vị đề nghị, không phải cấp tỉnh lựa chọn.");
        }

        var errors = new List<FieldError>();
        var picks = body?.Nominations ?? [];
        if (picks.Count == 0)
        {
            errors.Add(new FieldError("nominations", "Chưa chọn đề nghị nào."));
        }

        var candidates = (await status.ListNomineesAsync(id, round.PickedFrom, cancellationToken)).Select(n => n.NominationId).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < picks.Count; i++)
        {
            if (!candidates.Contains(picks[i]))
            {
                errors.Add(new FieldError($"nominations[{i}]", $"«{picks[i]}» không có trong các đề nghị của đợt «{round.PickedFrom}»."));
            }
        }

        if (string.IsNullOrWhiteSpace(body?.PickedBy))
        {
            errors.Add(new FieldError("pickedBy", "Thiếu người lựa chọn."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest("Danh sách lựa chọn không hợp lệ.", errors);
        }

        var instance = await client.GetInstanceAsync(InstanceIds.Round(id, roundId), cancellationToken: cancellationToken);
        if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Running })
        {
            return ApiProblems.Conflict($"Đợt «{round.Title}» chưa mở hoặc đã kết thúc lựa chọn.");
        }

        await client.RaiseEventAsync(instance.InstanceId, ProvincePicks.EventName, new ProvincePicks(picks, body!.PickedBy!.Trim()), cancellationToken);
        return Results.Accepted(value: new ControlAccepted(id, "picks", null));
    }

    public static Task<IResult> SuspendAsync(string id, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken) =>
        ControlAsync(id, "suspend", request, client, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running,
            reason => client.SuspendInstanceAsync(id, reason, cancellationToken), cancellationToken);

    public static Task<IResult> ResumeAsync(string id, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken) =>
        ControlAsync(id, "resume", request, client, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Suspended,
            reason => client.ResumeInstanceAsync(id, reason, cancellationToken), cancellationToken);

    public static Task<IResult> TerminateAsync(string id, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken) =>
        ControlAsync(id, "terminate", request, client, i => i.IsRunning,
            reason => client.TerminateInstanceAsync(id, reason, cancellationToken), cancellationToken);

    private static async Task<IResult> ControlAsync(
        string id, string action, HttpRequest request, DurableTaskClient client, Func<OrchestrationMetadata, bool> allowed, Func<string?, Task> apply, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiJson.ReadBodyAsync<ReasonBody>(request, optional: true, cancellationToken);
        if (invalid is not null)
        {
            return ApiProblems.BadRequest(invalid.Field, invalid.Message);
        }

        var reason = body?.Reason;
        if (await CycleLookup.InstanceAsync(client, id, inputs: false, cancellationToken) is not { } instance)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (!allowed(instance))
        {
            return ApiProblems.Conflict($"Không thực hiện được «{action}»: kỳ báo cáo «{id}» đang ở trạng thái {instance.RuntimeStatus}.");
        }

        await apply(reason);
        return Results.Accepted(value: new ControlAccepted(id, action, reason));
    }
}
