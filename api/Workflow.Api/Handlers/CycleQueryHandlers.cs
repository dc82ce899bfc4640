using System.Globalization;
using System.Security.Claims;
using Workflow.Api.Security;
using Workflow.Domain.Access;
using Workflow.Domain.Consolidation;
using Workflow.Api.Contracts;
using Workflow.Api.Http;
using Workflow.Domain.Scheduling;
using Workflow.Orchestrations.Cycle;

namespace Workflow.Api.Handlers;

/// <summary>Operators watch cycles: the list, one cycle's progress, its units, its nominees.</summary>
public static class CycleQueryHandlers
{
    private const int MaxPageSize = 500;
    private const int ScanPageSize = 1000;
    private const int MaxScansPerRequest = 20;

    public static async Task<IResult> ListAsync(
        string? status, string? createdFrom, string? createdTo, string? prefix, string? pageSize, string? continuationToken,
        ClaimsPrincipal user, DurableTaskClient client, IPlanStore plans, ICycleLinks links, CancellationToken cancellationToken)
    {
        // A scoped operator sees only the cycles whose lineage holds its unit: its sub-cycles and those below them.
        var scope = OperatorIdentity.From(user)?.Scope;
        var errors = new List<FieldError>();
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<OrchestrationRuntimeStatus>(name, ignoreCase: true, out var parsed) && !int.TryParse(name, out _))
            {
                statuses.Add(parsed);
            }
            else
            {
                errors.Add(new FieldError("status", $"Trạng thái «{name}» không hợp lệ; dùng: {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}."));
            }
        }

        var from = Instant(createdFrom, "createdFrom", errors);
        var to = Instant(createdTo, "createdTo", errors);
        var size = 50;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors.Add(new FieldError("pageSize", $"pageSize phải là số từ 1 đến {MaxPageSize}."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest("Tham số tìm kiếm không hợp lệ.", errors);
        }

        var query = new OrchestrationQuery
        {
            Statuses = statuses.Count > 0 ? statuses : null,
            CreatedFrom = from,
            CreatedTo = to,
            InstanceIdPrefix = string.IsNullOrWhiteSpace(prefix) ? null : prefix,
            PageSize = ScanPageSize,
            ContinuationToken = string.IsNullOrWhiteSpace(continuationToken) ? null : continuationToken,
        };
        var items = new List<CycleListItem>();
        string? next;
        var scanned = 0;
        // Rounds and programmes share the task hub: scan whole pages and keep only reporting cycles, until a page of
        // them is filled (a bounded number of scans per request).
        do
        {
            Page<OrchestrationMetadata>? page = null;
            await foreach (var first in client.GetAllInstancesAsync(query).AsPages(query.ContinuationToken, ScanPageSize).WithCancellation(cancellationToken))
            {
                page = first;
                break;
            }

            if (page is null)
            {
                next = null;
                break;
            }

            foreach (var instance in page.Values.Where(i => i.Name == nameof(ReportingCycleOrchestrator)))
            {
                if (!OperatorScope.IsRoot(scope) && !OperatorScope.Covers(scope, (await links.GetAsync(instance.InstanceId, cancellationToken))?.Lineage ?? []))
                {
                    continue;
                }

                var plan = await plans.GetAsync(instance.InstanceId, cancellationToken);
                items.Add(new CycleListItem(
                    instance.InstanceId, plan?.Title, plan?.Number, instance.RuntimeStatus, instance.CreatedAt.ToUniversalTime(), instance.LastUpdatedAt.ToUniversalTime(),
                    instance.ReadCustomStatusAs<CycleProgress>()));
            }

            next = page.ContinuationToken;
            query = query with { ContinuationToken = next };
        }
        while (next is not null && items.Count < size && ++scanned < MaxScansPerRequest);

        return Results.Ok(new CyclePage(items, next));
    }

    public static async Task<IResult> GetAsync(
        string id, DurableTaskClient client, IPlanStore plans, IStatusStore status, CycleClocks clocks, ICycleLinks links, IAchievementRegistry registry, CancellationToken cancellationToken)
    {
        if (!CycleLookup.IsSafeId(id) || await CycleLookup.InstanceAsync(client, id, inputs: false, cancellationToken) is not { } instance)
        {
            return ApiProblems.CycleNotFound(id);
        }

        var plan = await CycleLookup.PlanAsync(plans, client, id, cancellationToken);
        var progress = instance.ReadCustomStatusAs<CycleProgress>();
        var failure = instance.FailureDetails is { } f ? new FailureInfo(f.ErrorType, f.ErrorMessage) : null;
        if (plan is null)
        {
            return Results.Ok(new CycleDetail(id, null, null, null, instance.RuntimeStatus, instance.CreatedAt.ToUniversalTime(), instance.LastUpdatedAt.ToUniversalTime(),
                failure, progress, null, null, [], [], [], Nominations: progress?.Nominations));
        }

        var clock = await clocks.ClockAsync(id, cancellationToken);
        var now = clocks.Now(clock);
        progress = progress?.StandingBy(clock);
        var rows = new List<DeliverableStatus>();
        foreach (var deliverable in plan.Deliverables)
        {
            rows.AddRange(await status.ListAsync(id, deliverable.Id, cancellationToken));
        }

        var blockOf = plan.Units.ToDictionary(u => u.Id, u => u.Block, StringComparer.Ordinal);
        var optional = plan.Deliverables.Where(d => d.Optional).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var blocks = plan.Blocks.Select(block =>
        {
            var states = rows.Where(r => blockOf.GetValueOrDefault(r.UnitId) == block.Id).Select(r => CycleLookup.StateOf(r, now, optional.Contains(r.SubjectId))).ToList();
            return new BlockProgress(block.Id, block.Name, states.Count,
                states.Count(s => s == UnitState.OnTime), states.Count(s => s == UnitState.Late), states.Count(s => s == UnitState.Missing), states.Count(s => s == UnitState.Pending),
                states.Count(s => s == UnitState.NotRequired));
        }).ToList();
        var deliverables = plan.Deliverables.Select(d => new DeliverableInfo(
            d.Id, d.Title, d.Kind, d.Deadline.Describe(), ApiText.LastAccepted(d.Deadline, plan.TimeZone), d.LatePolicy, d.Optional)).ToList();
        var rounds = new List<RoundInfo>();
        foreach (var round in plan.NominationRounds)
        {
            rounds.Add(await RoundAsync(client, status, id, round, cancellationToken) with { Decision = await registry.GetDecisionAsync(id, round.Id, cancellationToken) });
        }

        // The headline from the rounds' rows as they are now, by the same arithmetic as the cycle's status and summary.
        var nominations = NominationCounts.Of(rounds.Select(r => new RoundCounts(r.Id, r.PickedFrom is not null, r.Received, r.Accepted, r.Refused, r.LateRejected)));
        var next = progress?.NextDeadline?.ToUniversalTime();
        return Results.Ok(new CycleDetail(
            id, plan.Title, plan.Number, plan.Issuer, instance.RuntimeStatus, instance.CreatedAt.ToUniversalTime(), instance.LastUpdatedAt.ToUniversalTime(),
            failure, progress, next, progress?.NextDeadlineText ?? ApiText.DateTime(next), blocks, deliverables, rounds, Rehearsal(clock, now), nominations, Milestones(plan, now),
            await links.GetAsync(id, cancellationToken) is { } link ? new ParentInfo(link.ParentCycleId, link.RelayUnitId, plan.Issuer, link.Lineage) : null,
            await RelayHandlers.RowsAsync(id, plan, client, plans, status, clocks, links, cancellationToken)));
    }

    /// <summary>The plan's milestones with their reminders (their points inside the plan's span) and whether the cycle's clock has passed them.</summary>
    public static IReadOnlyList<MilestoneInfo> Milestones(Plan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Milestones.Count == 0)
        {
            return [];
        }

        var zone = plan.Zone();
        var evaluator = new DeadlineEvaluator(zone);
        var (issued, closes) = (VietnamTime.StartOfDay(plan.IssuedOn, zone), plan.ClosesAt());
        return [.. plan.Milestones.Select(m => new MilestoneInfo(
            m.Id, m.Title, m.Deadline.Describe(), ApiText.LastAccepted(m.Deadline, plan.TimeZone), evaluator.Cutoff(m.Deadline).ToUniversalTime(), m.Consolidate,
            evaluator.Cutoff(m.Deadline) <= now,
            [.. ScheduleBuilder.ForDeadline(m.Id, m.Deadline, LatePolicy.Reject, plan.Reminders, zone, optional: true)
                .Where(p => p.Kind == ScheduledPointKind.Reminder && p.Instant >= issued && p.Instant < closes)
                .Select(p => $"{ApiText.DateTime(p.Instant)} ({p.Describe().ToLowerInvariant()})")]))];
    }

    public static async Task<IResult> UnitsAsync(
        string id, string? subject, string? block, DurableTaskClient client, IPlanStore plans, IStatusStore status, CycleClocks clocks, CancellationToken cancellationToken)
    {
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        var subjects = plan.Subjects().ToList();
        // A round still undated is a subject too, with no rows yet: filtering on it is not an error.
        if (subject is not null && subjects.All(s => s.Id != subject) && plan.UndatedRounds().All(r => r.Id != subject))
        {
            return ApiProblems.BadRequest("subject", $"Kế hoạch không có nội dung phải nộp hay đợt đề nghị «{subject}».");
        }

        if (block is not null && plan.Blocks.All(b => b.Id != block))
        {
            return ApiProblems.BadRequest("block", $"Kế hoạch không có khối «{block}».");
        }

        var now = await clocks.NowAsync(id, cancellationToken);
        var units = plan.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var blockNames = plan.Blocks.ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        var result = new List<UnitStatusRow>();
        foreach (var s in subjects.Where(s => subject is null || s.Id == subject))
        {
            var deliverable = s.IsNominationRound ? null : plan.AllDeliverables().FirstOrDefault(d => d.Id == s.Id);
            foreach (var row in await status.ListAsync(id, s.Id, cancellationToken))
            {
                var unit = units.GetValueOrDefault(row.UnitId);
                if (block is not null && unit?.Block != block)
                {
                    continue;
                }

                var state = CycleLookup.StateOf(row, now, s.Optional);

                result.Add(new UnitStatusRow(
                    row.UnitId, unit?.Name ?? row.UnitId, unit?.Block ?? "", unit is null ? null : blockNames.GetValueOrDefault(unit.Block),
                    s.Id, s.Title, state, ApiText.Utc(row.SubmittedAt), ApiText.Arrival(row.SubmittedAt), row.CountedVersion, row.CountedReceipt,
                    row.RemindersSent, ApiText.Utc(row.LastReminderAt), ApiText.DateTime(row.LastReminderAt), row.Deadline.Describe(), CycleLookup.StateText(state, s.IsNominationRound))
                {
                    Files = deliverable is null ? [] : CountedFiles(id, row, deliverable),
                });
            }
        }

        return Results.Ok(result);
    }

    /// <summary>The counted report and the filled forms that came with it, as downloads.</summary>
    private static List<ReportFile> CountedFiles(string cycleId, DeliverableStatus row, Deliverable deliverable)
    {
        if (row.CountedVersion is not { } counted)
        {
            return [];
        }

        string Url(int version) => $"/api/cycles/{Uri.EscapeDataString(cycleId)}/dossiers/{Uri.EscapeDataString(row.UnitId)}/{Uri.EscapeDataString(row.SubjectId)}/{version}";
        return
        [
            new ReportFile(null, UploadHandlers.FormTitle(deliverable, null), null, row.CountedReceipt, counted, null) { Url = Url(counted) },
            .. row.FormFiles.Select(f => new ReportFile(f.Form, UploadHandlers.FormTitle(deliverable, f.Form), null, null, f.Version, null) { Url = Url(f.Version) }),
        ];
    }

    public static async Task<IResult> NominationsAsync(string id, string roundId, DurableTaskClient client, IPlanStore plans, IStatusStore status, CancellationToken cancellationToken)
    {
        if (await CycleLookup.PlanAsync(plans, client, id, cancellationToken) is not { } plan)
        {
            return ApiProblems.CycleNotFound(id);
        }

        if (plan.NominationRounds.All(r => r.Id != roundId))
        {
            return ApiProblems.NotFound($"Kế hoạch không có đợt khen thưởng «{roundId}».");
        }

        var rows = await status.ListNomineesAsync(id, roundId, cancellationToken);
        return Results.Ok(rows.OrderBy(r => r.SubmittedAt).ThenBy(r => r.NominationId, StringComparer.Ordinal).Select(r => Nominee(plan, id, r)).ToList());
    }

    /// <summary>A nominee's row for operators, its "chưa có minh chứng" flags evaluated on its records as they stand.</summary>
    public static NomineeRow Nominee(Plan plan, string cycleId, NomineeStatus r)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(r);
        var round = plan.NominationRounds.First(x => x.Id == r.RoundId);
        var lower = round.PickedFrom is { } from ? plan.NominationRounds.FirstOrDefault(x => x.Id == from) : null;
        var profile = (round.Eligibility.Count > 0 ? round : lower ?? round).Eligibility.FirstOrDefault(p => p.Id == r.Profile);
        var nomination = r.ToNomination();
        var unevidenced = profile is null ? [] : new EligibilityEvaluator(plan.Scales).Evaluate(profile, nomination).Unevidenced.Select(f => f.Message).ToList();
        return new NomineeRow(
            r.NominationId, r.Name, r.Kind, r.ProposedBy, CycleLookup.UnitName(plan, r.ProposedBy), r.NomineeUnit, r.IsPolice, r.Profile,
            ApiText.Utc(r.SubmittedAt), ApiText.Arrival(r.SubmittedAt), r.Documents, Verdict(r), r.Eligible, r.DossierComplete, r.WithinQuota,
            r.FailedRules, [.. r.EligibilityReasons, .. r.DossierProblems, .. r.QuotaViolations])
        {
            Position = r.Position,
            NomineeUnitName = plan.AllUnits().FirstOrDefault(u => u.Id == r.NomineeUnit)?.Name ?? r.NomineeUnit,
            Identity = nomination.Identity,
            Achievements = [.. r.Achievements.Select(a => Achievement(cycleId, r, a))],
            Unevidenced = unevidenced,
        };
    }

    private static AchievementRow Achievement(string cycleId, NomineeStatus row, AchievementRecord a)
    {
        string? url = null;
        if (a.Evidence is { } evidence)
        {
            // A file sent with this dossier is one of its versions; one carried over from an earlier cycle says where it lies.
            var index = row.Documents.ToList().FindIndex(d => d.DocumentId == evidence.DocumentId);
            var (cycle, unit, subject, version) = evidence.Version is { } kept
                ? (evidence.CycleId!, evidence.UnitId!, evidence.RoundId!, kept)
                : index >= 0 && index < row.Versions.Count ? (cycleId, row.ProposedBy, row.RoundId, row.Versions[index]) : ("", "", "", 0);
            url = version > 0 ? $"/api/cycles/{Uri.EscapeDataString(cycle)}/dossiers/{Uri.EscapeDataString(unit)}/{Uri.EscapeDataString(subject)}/{version}" : null;
        }

        var review = a.Review;
        var text = review switch
        {
            null => a.Evidence is null ? "Chưa xác minh, chưa có minh chứng" : "Chưa xác minh",
            { Verdict: ReviewVerdict.Verified } => $"Đã xác minh ({review.By}, {ApiText.DateTime(review.At)})",
            _ => $"Không công nhận: {review.Reason} ({review.By}, {ApiText.DateTime(review.At)})",
        };
        return new AchievementRow(a.Id, a.Year, a.Title, a.Scale, a.Level, a.DecisionNumber, a.DecisionDate,
            a.DecisionDate is { } date ? VietnamTime.FormatDate(date) : null, a.Issuer, a.Evidence?.FileName, url,
            review?.Verdict, review?.Reason, review?.By, review?.At, text);
    }

    private static async Task<RoundInfo> RoundAsync(DurableTaskClient client, IStatusStore status, string cycleId, NominationRound round, CancellationToken cancellationToken)
    {
        var instance = await CycleLookup.RoundAsync(client, cycleId, round.Id, cancellationToken);
        var nominees = await status.ListNomineesAsync(cycleId, round.Id, cancellationToken);
        var lateRejected = round.PickedFrom is null ? await LateRefusals.CountAsync(status, cycleId, round.Id, cancellationToken) : 0;
        var verdicts = nominees.Select(Verdict).ToList();
        var (state, text) = CycleLookup.RoundStateOf(round, instance);
        return new RoundInfo(
            round.Id, round.Title, round.AwardLevel, round.Deadline?.Describe() ?? (round.PickedFrom is null ? CycleLookup.Undated : null), round.PickedFrom, instance?.RuntimeStatus,
            nominees.Count, verdicts.Count(v => v == NomineeVerdict.Accepted), verdicts.Count(v => v == NomineeVerdict.Refused), lateRejected,
            state, text, round.Optional, [.. round.PendingQuotas.Select(q => new PendingQuota(q.Id, q.Description))]);
    }

    /// <summary>One wall second of engine jitter is <c>speed</c> seconds of business time; a stepped rehearsal is exact.</summary>
    private static RehearsalInfo? Rehearsal(BusinessClock clock, DateTimeOffset now)
    {
        if (!clock.IsRehearsal)
        {
            return null;
        }

        var precision = clock.Precision(TimeSpan.FromSeconds(1));
        var text = clock.IsManual
            ? "Diễn tập từng bước: mỗi mốc được xử lý đúng thời điểm của nó."
            : $"Diễn tập nhanh gấp {clock.Speed.ToString("N0", ApiText.Culture)} lần: các mốc có thể chậm tới khoảng {ApiText.Duration(precision)} so với kế hoạch; thư không còn đúng sẽ không được gửi.";
        return new RehearsalInfo(clock.IsManual ? "step" : "sliding", clock.Speed, now.ToUniversalTime(), ApiText.DateTime(now)!, text);
    }

    private static NomineeVerdict Verdict(NomineeStatus row) =>
        row.Eligible is null && row.DossierComplete is null && row.WithinQuota is null ? NomineeVerdict.Pending
        : row.Eligible == true && row.DossierComplete == true && row.WithinQuota == true ? NomineeVerdict.Accepted
        : NomineeVerdict.Refused;

    private static DateTimeOffset? Instant(string? value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant.ToUniversalTime();
        }

        errors.Add(new FieldError(field, $"«{value}» không phải thời điểm ISO-8601 (ví dụ 2024-03-11T00:00:00Z)."));
        return null;
    }
}
