using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Domain.Scheduling;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Api.Handlers;

/// <summary>Operators steer cycles: start one from a plan, extend a deadline, pick nominees, suspend, resume, terminate.</summary>
public static class CycleCommandHandlers
{
    /// <summary>A suspend, resume or terminate reason goes into the timeline's row: well under what a table property holds.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>The name of whoever asks for an extension: a person or an office, never a document.</summary>
    public const int MaxRequesterLength = 200;

    /// <summary>
    /// Starts a cycle from a plan. <paramref name="rehearsal"/> makes it a diễn tập: "step" stands the business clock at
    /// <paramref name="from"/> until the operator advances it; a number is a sliding clock that many times faster than real
    /// time from <paramref name="from"/> (default: the plan's issue day at 08:00). The plan comes as a JSON body, or with
    /// its forms' templates as multipart/form-data (<see cref="StartForm"/>).
    /// </summary>
    public static async Task<IResult> StartAsync(
        HttpRequest request, string? id, string? rehearsal, DateTimeOffset? from, DurableTaskClient client, CycleStarter starter, TimeProvider time,
        IOptions<StorageOptions> storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(storage);
        string? text;
        IReadOnlyList<IFormFile> templateFiles = [];
        if (request.HasFormContentType)
        {
            var (form, notForm) = await UploadChecks.ReadFormAsync(request, cancellationToken);
            if (form is null)
            {
                return notForm!;
            }

            IResult? badForm;
            (text, templateFiles, badForm) = await StartForm.ReadAsync(form, cancellationToken);
            if (badForm is not null)
            {
                return badForm;
            }
        }
        else if (request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedType("body", "Nội dung phải là kế hoạch dạng JSON (Content-Type: application/json), hoặc multipart/form-data gồm «plan» và các tệp mẫu «templates».");
        }
        else
        {
            try
            {
                text = await ApiJson.ReadUtf8Async(request.Body, cancellationToken);
            }
            catch (System.Text.DecoderFallbackException)
            {
                var notUtf8 = ApiJson.NotUtf8("body");
                return ApiProblems.BadRequest(notUtf8.Field, notUtf8.Message);
            }
        }

        var read = PlanJson.Read(text ?? "");
        var errors = read.Plan is { } parsed ? PlanValidator.Validate(parsed) : read.Errors;
        if (read.Plan is not { } plan || errors.Count > 0)
        {
            return ApiProblems.BadRequest($"Kế hoạch có {errors.Count} lỗi; sửa tất cả rồi gửi lại.", errors.Select(e => new FieldError(e.Path, e.Message)));
        }

        var (attachments, badTemplate) = await StartForm.CheckAsync(plan, templateFiles, storage.Value, cancellationToken);
        if (badTemplate is not null)
        {
            return badTemplate;
        }

        var cycleId = string.IsNullOrWhiteSpace(id) ? plan.Id : id;
        if (!CycleLookup.IsSafeId(cycleId))
        {
            return ApiProblems.BadRequest("id", $"Mã kỳ báo cáo «{cycleId}» không hợp lệ: chỉ dùng chữ, số, '.', '_' hoặc '-' (tối đa 100 ký tự).");
        }

        // A cycle id names its stored plan and receipts for good: it is never reused, whatever state the old instance is in.
        if (await client.GetInstanceAsync(cycleId, cancellation: cancellationToken) is { } existing)
        {
            return ApiProblems.Conflict(
                $"Kỳ báo cáo «{cycleId}» đã tồn tại (trạng thái: {existing.RuntimeStatus}); dùng mã khác (?id=).",
                [new FieldError("id", "Mã kỳ báo cáo đã được dùng.")]);
        }

        var (clock, problem) = RehearsalClock(rehearsal, from, plan, time.GetUtcNow());
        if (problem is not null)
        {
            return problem;
        }

        // A live cycle of a plan already closed would run through every reminder at once: that can only be a rehearsal.
        if (clock!.IsLive && plan.ClosesAt() <= time.GetUtcNow())
        {
            return ApiProblems.BadRequest("rehearsal", $"Kế hoạch đã kết thúc ngày {plan.ClosesOn:dd/MM/yyyy}; chỉ chạy được dưới dạng diễn tập (rehearsal=step hoặc một tốc độ).");
        }

        var startedBy = request.HttpContext.User.Identity?.Name ?? "operator";
        try
        {
            await starter.StartAsync(client, new CycleInput(cycleId, plan, startedBy, clock), cycleId, attachments!, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // A plan stored under this id by a start that never scheduled its cycle: the id is taken all the same.
            return ApiProblems.Conflict($"Mã kỳ báo cáo «{cycleId}» đã gắn với một kế hoạch khác; dùng mã khác (?id=).", [new FieldError("id", "Mã kỳ báo cáo đã được dùng.")]);
        }

        var cycle = $"{CycleLookup.BaseUrl(request)}/api/cycles/{Uri.EscapeDataString(cycleId)}";
        var body = new CycleStarted(cycleId, cycle, $"{cycle}/extensions", $"{cycle}/terminate", $"{cycle}/suspend", $"{cycle}/resume");
        return Results.Accepted(cycle, body);
    }

    /// <summary>
    /// Gia hạn, or the dating of a round the plan left undated: the first change naming such a round dates it for all its
    /// proposers (no units), at an instant still ahead of the cycle; its reminders and its close follow from it.
    /// </summary>
    public static async Task<IResult> ExtendAsync(string id, HttpRequest request, DurableTaskClient client, IPlanStore plans, CycleClocks clocks, CancellationToken cancellationToken)
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
        var undated = plan.UndatedRounds().FirstOrDefault(r => r.Id == body.Subject);
        // An undated round's subject is read for its id and proposers only; the deadline it gets is the one asked for.
        var subject = plan.Subjects().FirstOrDefault(s => s.Id == body.Subject) ?? undated?.AsSubject(Deadline.By(plan.ClosesOn));
        if (subject is null)
        {
            errors.Add(new FieldError("subject", $"Kế hoạch không có nội dung phải nộp hay đợt đề nghị «{body.Subject}»."));
        }

        var units = body.Units ?? [];
        if (undated is not null && units.Count > 0)
        {
            errors.Add(new FieldError("units", $"Đợt «{undated.Title}» chưa có thời hạn: lần ấn định đầu tiên áp dụng cho mọi đơn vị được đề nghị; bỏ danh sách đơn vị, gia hạn riêng sau."));
        }

        if (units.Count > plan.Units.Count)
        {
            // More ids than the plan has units can only repeat or invent some; one error, not one per copy.
            errors.Add(new FieldError("units", $"Danh sách có {units.Count:N0} đơn vị, nhiều hơn số đơn vị của kế hoạch ({plan.Units.Count:N0})."));
        }
        else
        {
            var known = plan.Units.GroupBy(u => u.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < units.Count; i++)
            {
                if (units[i] is not { } unitId || !known.TryGetValue(unitId, out var unit) || (subject is not null && !subject.Scope.Includes(unit)))
                {
                    errors.Add(new FieldError($"units[{i}]", $"Đơn vị «{units[i]}» không có trong kế hoạch hoặc không phải nộp «{body.Subject}»."));
                }
                else if (!seen.Add(unitId))
                {
                    errors.Add(new FieldError($"units[{i}]", $"Đơn vị «{unitId}» bị ghi trùng."));
                }
            }
        }

        // Outside the plan's own span a deadline can never be met, and its schedule arithmetic is meaningless.
        var outOfRange = body.NewDeadline is null
            ? "Thời hạn mới không hợp lệ: cần semantics (before, by, within-month) và date (yyyy-MM-dd) hoặc month (yyyy-MM)."
            : ExtensionRange.Problem(plan, body.NewDeadline);
        if (outOfRange is not null)
        {
            errors.Add(new FieldError("newDeadline", outOfRange));
        }
        else if (undated is not null && await clocks.NowAsync(id, cancellationToken) is var now && new DeadlineEvaluator(plan.Zone()).Cutoff(body.NewDeadline!) <= now)
        {
            // A round dated into the past would close before anyone could propose, and never be judged.
            errors.Add(new FieldError("newDeadline", $"Thời hạn của đợt «{undated.Title}» ({body.NewDeadline!.Describe()}) đã qua so với thời gian của kỳ báo cáo ({ApiText.DateTime(now)})."));
        }

        // Both go into the cycle's history and a timeline row: bounded well under what a table property holds.
        if (string.IsNullOrWhiteSpace(body.RequestedBy))
        {
            errors.Add(new FieldError("requestedBy", "Thiếu người đề nghị gia hạn."));
        }
        else if (body.RequestedBy.Length > MaxRequesterLength)
        {
            errors.Add(new FieldError("requestedBy", $"Người đề nghị gia hạn dài quá {MaxRequesterLength} ký tự."));
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            errors.Add(new FieldError("reason", "Thiếu lý do gia hạn."));
        }
        else if (body.Reason.Length > MaxReasonLength)
        {
            errors.Add(new FieldError("reason", $"Lý do gia hạn dài quá {MaxReasonLength} ký tự."));
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
        return Results.Accepted(value: new ExtensionAccepted(id, subject.Id, deadline.Describe(), ApiText.LastAccepted(deadline, plan.TimeZone), units, DatesRound: undated is not null));
    }

    /// <summary>Moves a stepped rehearsal on: to <c>to</c>, or to the cycle's next schedule instant when it is omitted.</summary>
    public static async Task<IResult> AdvanceAsync(string id, HttpRequest request, DurableTaskClient client, CycleClocks clocks, ICycleLinks links, CancellationToken cancellationToken)
    {
        var (body, invalid) = await ApiJson.ReadBodyAsync<AdvanceBody>(request, optional: true, cancellationToken);
        if (invalid is not null)
        {
            return ApiProblems.BadRequest(invalid.Field, invalid.Message);
        }

        if (!CycleLookup.IsSafeId(id) || await CycleLookup.InstanceAsync(client, id, inputs: false, cancellationToken) is not { } instance)
        {
            return ApiProblems.CycleNotFound(id);
        }

        var clock = await clocks.ClockAsync(id, cancellationToken);
        if (!clock.IsManual)
        {
            return ApiProblems.Conflict($"Kỳ báo cáo «{id}» không phải diễn tập theo từng bước; thời gian của nó tự trôi.");
        }

        if (!instance.IsRunning)
        {
            // Just started, the engine has not yet picked the cycle up: its first step is moments away, not over.
            return ApiProblems.Conflict(instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending
                ? $"Kỳ báo cáo «{id}» đang khởi động; thử lại sau giây lát."
                : $"Kỳ báo cáo «{id}» không còn chạy (trạng thái: {instance.RuntimeStatus}).");
        }

        // The tree runs on one clock: a sub-cycle moves when its top cycle does, never on its own.
        if (await links.GetAsync(id, cancellationToken) is { } link)
        {
            return ApiProblems.Conflict($"Kỳ «{id}» là kỳ báo cáo cấp dưới, chạy theo thời gian của kỳ cấp trên «{link.ParentCycleId}»; chuyển thời gian ở kỳ gốc.");
        }

        var tree = await RunningSubCyclesAsync(client, links, id, cancellationToken);
        var progress = instance.ReadCustomStatusAs<CycleProgress>();
        // Next of the whole tree: a district's reminder may come before the province's next instant.
        var to = body?.To ?? tree.Select(t => t.ReadCustomStatusAs<CycleProgress>()?.NextStepAt).Append(progress?.NextStepAt).Where(t => t is not null).Min();
        if (to is null)
        {
            return ApiProblems.BadRequest("to", "Chưa biết mốc kế tiếp của kỳ báo cáo; ghi rõ thời điểm cần chuyển tới (to).");
        }

        if (to <= clock.BusinessOrigin)
        {
            return ApiProblems.BadRequest("to", $"Thời điểm phải sau thời điểm hiện tại của diễn tập ({ApiText.DateTime(clock.BusinessOrigin)}).");
        }

        var requestedBy = request.HttpContext.User.Identity?.Name ?? "operator";
        await client.RaiseEventAsync(InstanceIds.Cycle(id), ClockAdvance.EventName, new ClockAdvance(to.Value.ToUniversalTime(), requestedBy), cancellationToken);
        var at = to.Value.ToUniversalTime();
        var wakes = new ConcurrentBag<SubCycleWake>();
        await Parallel.ForEachAsync(tree, FanOut(cancellationToken), async (sub, cancel) =>
        {
            // A sub-cycle with nothing due by then, or whose next step is exactly then, has its clock moved where its
            // upload boundary reads it (as its own stand would, beside the wave), before this answers. The first is not
            // woken: it sleeps on to its next step, so a national tree wakes only the level whose reminder falls due. The
            // second is told its stand is recorded. A cycle with steps before the instant acts on them in order and
            // records its stand itself.
            var subProgress = sub.ReadCustomStatusAs<CycleProgress>();
            var stood = subProgress is not null && (subProgress.RestsThrough(at) || subProgress.StepsAt(at))
                && await clocks.StandAsync(sub.InstanceId, at, cancel) is { IsManual: true } clock && clock.BusinessOrigin >= at;
            if (!stood || !subProgress!.RestsThrough(at))
            {
                wakes.Add(new SubCycleWake(sub.InstanceId, stood));
            }
        });

        if (!wakes.IsEmpty)
        {
            // The wakes go out in windows, durably, after this answers (TreeAdvanceOrchestrator).
            var fanOut = new TreeAdvance(id, at, requestedBy, [.. wakes.OrderBy(w => w.CycleId, StringComparer.Ordinal)]);
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(TreeAdvanceOrchestrator), fanOut, new StartOrchestrationOptions(InstanceIds.TreeAdvance(id, at)), cancellationToken);
        }

        return Results.Accepted(value: new ControlAccepted(id, "advance", ApiText.DateTime(to)));
    }

    /// <summary>
    /// Every running or pending sub-cycle under the cycle, at any depth. The tree comes from the links, one level at a
    /// time (a few reads per level); the states from <see cref="SubCycleStates"/>, in pages.
    /// </summary>
    private static async Task<List<OrchestrationMetadata>> RunningSubCyclesAsync(DurableTaskClient client, ICycleLinks links, string id, CancellationToken cancellationToken)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string> parents = [id];
        while (parents.Count > 0)
        {
            var children = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(parents, FanOut(cancellationToken), async (parent, cancel) =>
            {
                foreach (var child in await links.ChildrenAsync(parent, cancel))
                {
                    children.Add(child.CycleId);
                }
            });
            parents = [.. children.Where(linked.Add)];
        }

        var found = await SubCycleStates.LiveAsync(client, id, linked, cancellationToken);
        return [.. found.OrderBy(m => m.InstanceId, StringComparer.Ordinal)];
    }

    /// <summary>Storage requests of an advance's fan-out in flight at once: enough to hide each one's latency, few enough to leave the engine its share.</summary>
    private static ParallelOptions FanOut(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };

    /// <summary>The clock a start asks for, or the problem with the request.</summary>
    private static (BusinessClock? Clock, IResult? Problem) RehearsalClock(string? rehearsal, DateTimeOffset? from, Plan plan, DateTimeOffset wallNow)
    {
        if (string.IsNullOrWhiteSpace(rehearsal))
        {
            return from is null
                ? (BusinessClock.Live, null)
                : (null, ApiProblems.BadRequest("from", "Chỉ đợt diễn tập (rehearsal) mới bắt đầu từ một thời điểm khác hiện tại."));
        }

        // A rehearsal replays the plan's own calendar: an origin years away from it would run nothing, or run every
        // reminder at once at the ends of the calendar.
        var earliest = VietnamTime.StartOfDay(plan.IssuedOn.Year > 1 ? plan.IssuedOn.AddYears(-1) : DateOnly.MinValue, plan.Zone());
        if (from is { } start && (start < earliest || start > plan.ClosesAt()))
        {
            return (null, ApiProblems.BadRequest("from", $"Diễn tập phải bắt đầu trong khoảng {VietnamTime.FormatDate(earliest)} – {VietnamTime.FormatDate(plan.ClosesOn)} (từ một năm trước ngày ban hành đến ngày kết thúc kế hoạch)."));
        }

        var origin = (from ?? VietnamTime.At(plan.IssuedOn, new TimeOnly(8, 0), plan.Zone())).ToUniversalTime();
        if (string.Equals(rehearsal, "step", StringComparison.OrdinalIgnoreCase))
        {
            return (new BusinessClock(wallNow, origin, 0), null);
        }

        if (!double.TryParse(rehearsal, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var speed) || !(speed >= 1 && speed <= 10_000_000))
        {
            return (null, ApiProblems.BadRequest("rehearsal", "Diễn tập: ghi «step» (chuyển từng mốc) hoặc tốc độ từ 1 đến 10.000.000 lần thời gian thực."));
        }

        return (new BusinessClock(wallNow, origin, speed), null);
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

        var instance = await CycleLookup.RoundAsync(client, id, roundId, cancellationToken);
        if (instance is not { RuntimeStatus: OrchestrationRuntimeStatus.Running })
        {
            return ApiProblems.Conflict($"Đợt «{round.Title}» chưa mở hoặc đã kết thúc lựa chọn.");
        }

        if (instance.ReadCustomStatusAs<RoundProgress>() is { Phase: not RoundProgress.AwaitingPicks })
        {
            // Picked already: the round waits for its quota numbers, and a second choice would be ignored.
            return ApiProblems.Conflict($"Đợt «{round.Title}» đã được lựa chọn và đang chờ xét (chờ chỉ tiêu); không lựa chọn lại được.");
        }

        await client.RaiseEventAsync(instance.InstanceId, ProvincePicks.EventName, new ProvincePicks(picks, body!.PickedBy!.Trim()), cancellationToken);
        return Results.Accepted(value: new ControlAccepted(id, "picks", null));
    }

    /// <summary>
    /// Runs a failed piece of a cycle again. While the cycle runs, it is asked by event and re-runs the piece in order;
    /// once it has closed, it is started again under its id to judge a proposal round again or consolidate again, and
    /// ends with the new summary. Mails are not re-sent after the close: they would no longer be true.
    /// </summary>
    public static async Task<IResult> RetryAsync(string id, string pieceId, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CycleLookup.IsSafeId(id) || await CycleLookup.InstanceAsync(client, id, inputs: true, cancellationToken) is not { } instance)
        {
            return ApiProblems.CycleNotFound(id);
        }

        var progress = instance.ReadCustomStatusAs<CycleProgress>();
        if (!CycleLookup.IsSafeId(pieceId) || progress?.Failures.FirstOrDefault(f => f.Id == pieceId) is not { } piece)
        {
            return ApiProblems.NotFound($"Kỳ báo cáo «{id}» không có phần lỗi «{pieceId}» đang chờ chạy lại.");
        }

        var requestedBy = request.HttpContext.User.Identity?.Name ?? "operator";
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Running && progress.Phase == CyclePhase.Collecting)
        {
            await client.RaiseEventAsync(InstanceIds.Cycle(id), PieceRetry.EventName, new PieceRetry(pieceId, requestedBy), cancellationToken);
            return Results.Accepted(value: new ControlAccepted(id, "retry", piece.Title));
        }

        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            return ApiProblems.Conflict($"Kỳ báo cáo «{id}» đang {(progress.Phase == CyclePhase.Collecting ? instance.RuntimeStatus.ToString() : "tổng hợp hoặc chạy lại")}; thử lại sau.");
        }

        var plan = instance.ReadInputAs<CycleInput>()?.Plan;
        var retryable = piece.Kind == PieceKind.Consolidation
            || (piece.Kind == PieceKind.Round && plan?.NominationRounds.FirstOrDefault(r => r.Id == piece.Subject) is { PickedFrom: null });
        if (!retryable || instance.ReadInputAs<CycleInput>() is not { } input || instance.ReadOutputAs<CycleSummary>() is not { } summary)
        {
            return ApiProblems.Conflict($"Kỳ báo cáo «{id}» đã kết thúc: «{piece.Title}» không chạy lại được nữa (thư không còn đúng, cấp chọn cần tỉnh lựa chọn trong kỳ).");
        }

        // The closed instance is replaced by a repair run under the same id; its timeline rows stay.
        await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReportingCycleOrchestrator), input with { Repair = new CycleRepair(pieceId, requestedBy, summary, progress) }, new StartOrchestrationOptions(id), cancellationToken);
        return Results.Accepted(value: new ControlAccepted(id, "retry", piece.Title));
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
        if (reason?.Length > MaxReasonLength)
        {
            return ApiProblems.BadRequest("reason", $"Lý do dài quá {MaxReasonLength} ký tự.");
        }

        if (!CycleLookup.IsSafeId(id) || await CycleLookup.InstanceAsync(client, id, inputs: false, cancellationToken) is not { } instance)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (!allowed(instance))
        {
            return ApiProblems.Conflict($"Không thực hiện được «{action}»: kỳ báo cáo «{id}» đang ở trạng thái {instance.RuntimeStatus}.");
        }

        await apply(reason);
        // The timeline reads the cycle's own rows, not the engine's history, so the command records itself.
        var status = request.HttpContext.RequestServices.GetRequiredService<IStatusStore>();
        var now = await request.HttpContext.RequestServices.GetRequiredService<CycleClocks>().NowAsync(id, cancellationToken);
        var title = action switch
        {
            "suspend" => "Tạm dừng kỳ báo cáo",
            "resume" => "Tiếp tục kỳ báo cáo",
            _ => "Dừng hẳn kỳ báo cáo",
        };
        var by = request.HttpContext.User.Identity?.Name ?? "operator";
        await status.AppendCycleEventAsync(
            new CycleEvent(id, $"{action}-{request.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcTicks}", now, action, title, $"Người thực hiện: {by}{(string.IsNullOrWhiteSpace(reason) ? "" : $"; lý do: {reason}")}"), cancellationToken);
        return Results.Accepted(value: new ControlAccepted(id, action, reason));
    }
}
