using System.Text.Json;
using Workflow.Domain.Reports;

namespace Workflow.Application;

/// <summary>
/// The upload boundary for units: judges each arrival with the server clock against the unit's authoritative deadline
/// (not the orchestration's view), stores what is accepted, refuses and audits what is not, and hands the receipt or
/// the refusal to the mail outbox (an intent recorded before anything is stored, so a crash cannot lose the mail). The
/// status row it writes is the cycle's only record of who has handed in: no orchestration is told. Bad input is
/// refused whole before anything is stored.
/// </summary>
public sealed class SubmissionService(
    UploadAcceptance acceptance,
    IPlanStore plans,
    IStatusStore status,
    MailOutboxService mail,
    CycleClocks clocks,
    IAchievementRegistry registry)
{
    public Task<SubmissionResult> SubmitReportAsync(
        string cycleId, string unitId, string deliverableId, IncomingFile file, ReportStatistics? statistics, DateTimeOffset? receivedAt = null, CancellationToken cancellationToken = default) =>
        SubmitReportAsync(cycleId, unitId, deliverableId, file, [], statistics, receivedAt, cancellationToken);

    /// <summary>
    /// A report with the filled files of the unit's file-only forms (<see cref="FormFiles"/>): one file per such form in
    /// its scope, none for any other form. Everything is judged at one arrival and stored together or not at all.
    /// </summary>
    public Task<SubmissionResult> SubmitReportAsync(
        string cycleId, string unitId, string deliverableId, IncomingFile file, IReadOnlyList<FilledForm> forms, ReportStatistics? statistics,
        DateTimeOffset? receivedAt = null, CancellationToken cancellationToken = default) =>
        SubmitAsync(cycleId, unitId, deliverableId, file, forms, statistics, rollUp: false, receivedAt, cancellationToken);

    /// <summary>A relay's report rolled up from its sub-cycle (<see cref="SubCycles"/>): the only report whose statistics may carry a roll-up.</summary>
    public Task<SubmissionResult> SubmitRollUpAsync(
        string cycleId, string relayUnitId, string deliverableId, IncomingFile file, IReadOnlyList<FilledForm> forms, ReportStatistics statistics, CancellationToken cancellationToken = default) =>
        SubmitAsync(cycleId, relayUnitId, deliverableId, file, forms, statistics, rollUp: true, null, cancellationToken);

    private async Task<SubmissionResult> SubmitAsync(
        string cycleId, string unitId, string deliverableId, IncomingFile file, IReadOnlyList<FilledForm> forms, ReportStatistics? statistics, bool rollUp,
        DateTimeOffset? receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(forms);
        // Arrival is when the call came, not after the storage read of the clock: a slow read must not make it late.
        var called = clocks.WallNow();
        var clock = await clocks.ClockAsync(cycleId, cancellationToken);
        var arrival = receivedAt ?? clock.ToBusiness(called);
        var plan = await PlanOf(cycleId, cancellationToken);
        var deliverable = plan.AllDeliverables().FirstOrDefault(d => d.Id == deliverableId);
        if (deliverable is null)
        {
            return Refused(new FieldProblem("deliverable", $"Kế hoạch không có nội dung phải nộp «{deliverableId}»."));
        }

        var key = new SubmissionKey(cycleId, unitId, deliverableId);
        var unit = PlanLookup.FindUnit(plan, unitId);
        var json = statistics is null ? null : JsonSerializer.Serialize(statistics, StatisticsJson.Options);
        // Lengths first: the rules' messages quote keys, and an overlong one must not reach the audit row.
        var problems = statistics is null
            ? deliverable.FormsFor(unit).Any(f => !f.IsFileOnly) ? [new FieldProblem("statistics", $"Thiếu số liệu thống kê theo biểu mẫu của «{deliverable.Title}».")] : []
            : SubmissionBounds.Check(statistics, json!);
        if (statistics?.RollUp is not null && !rollUp)
        {
            problems.Add(new FieldProblem("statistics.rollUp", "Chỉ báo cáo tổng hợp từ kỳ báo cáo của cấp dưới mới có phần «rollUp»; bỏ phần này."));
        }

        if (statistics is not null && problems.Count == 0)
        {
            problems = [.. StatisticsValidator.Validate(deliverable, statistics, unit).Select(e => new FieldProblem($"statistics.{e.Field}", e.Message))];
        }

        var filled = await BufferAsync(forms, cancellationToken);
        problems.AddRange(CheckForms(deliverable, unit, filled));
        if (problems.Count > 0)
        {
            await AuditRefusalAsync(key, arrival, file, problems, cancellationToken);
            return Refused([.. problems]);
        }

        // The report first, then the forms in the plan's order: versions and receipts read in that order.
        var order = deliverable.Forms.Select(f => f.Id).ToList();
        UploadRequest[] requests =
        [
            new UploadRequest(key, file.FileName, file.ContentType, file.Content) { ReceivedAt = arrival, StatisticsJson = json },
            .. filled.OrderBy(f => order.IndexOf(f.Form.FormId)).Select(f => new UploadRequest(key, f.Form.File.FileName, f.Form.File.ContentType, f.Content) { ReceivedAt = arrival, Form = f.Form.FormId }),
        ];
        var intent = await mail.IntendAsync(key, arrival, cancellationToken);
        var results = await acceptance.AcceptAsync(requests, null, cancellationToken);
        await mail.SettleAsync(intent, plan, results, clock.IsRehearsal, cancellationToken);
        return new SubmissionResult(results, []);
    }

    /// <summary>The forms' files read into memory, so their sizes are known before anything is stored.</summary>
    private static async Task<List<(FilledForm Form, MemoryStream Content)>> BufferAsync(IReadOnlyList<FilledForm> forms, CancellationToken cancellationToken)
    {
        var buffered = new List<(FilledForm, MemoryStream)>();
        // Past the batch limit the request is refused by count, unread.
        foreach (var form in forms.Take(StorageLimits.MaxFilesPerBatch))
        {
            var copy = new MemoryStream();
            await form.File.Content.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            buffered.Add((form, copy));
        }

        return buffered;
    }

    /// <summary>One file per file-only form of the unit and nothing else, each a file the boundary would store; named by the form's part.</summary>
    private List<FieldProblem> CheckForms(Deliverable deliverable, Unit? unit, List<(FilledForm Form, MemoryStream Content)> filled)
    {
        if (filled.Count >= StorageLimits.MaxFilesPerBatch)
        {
            return [new FieldProblem("forms", $"Gửi quá nhiều tệp biểu mẫu; mỗi lần nộp tối đa {StorageLimits.MaxFilesPerBatch - 1} tệp biểu mẫu.")];
        }

        // An overlong id is refused by length before any message quotes it.
        if (filled.FirstOrDefault(f => f.Form.FormId.Length > SubmissionBounds.MaxIdChars) is { Form: not null } overlong)
        {
            return [new FieldProblem("forms", $"Mã biểu mẫu dài {overlong.Form.FormId.Length} ký tự, vượt quá giới hạn {SubmissionBounds.MaxIdChars} ký tự.")];
        }

        var problems = FormFiles.Check(deliverable, unit, [.. filled.Select(f => f.Form.FormId)]).Select(e => new FieldProblem(e.Field, e.Message)).ToList();
        problems.AddRange(filled.SelectMany(f => acceptance.CheckFile(f.Form.File.FileName, f.Content.Length).Select(m => new FieldProblem(FormFiles.PartName(f.Form.FormId), m))));
        return problems;
    }

    /// <summary>
    /// A nomination dossier: the nominee record and its documents, judged at one arrival instant. A late dossier is
    /// refused whole (audited, the refusal mailed, nothing stored); a bad one is refused whole before any file is stored.
    /// </summary>
    public async Task<SubmissionResult> SubmitNominationAsync(
        string cycleId, string unitId, string roundId, Nomination nomination, IReadOnlyList<NominationFile> files, DateTimeOffset? receivedAt = null, CancellationToken cancellationToken = default)
    {
        // Arrival is when the call came, not after the storage read of the clock: a slow read must not make it late.
        var called = clocks.WallNow();
        var clock = await clocks.ClockAsync(cycleId, cancellationToken);
        var arrival = receivedAt ?? clock.ToBusiness(called);
        var plan = await PlanOf(cycleId, cancellationToken);
        var key = new SubmissionKey(cycleId, unitId, roundId);
        var buffered = new List<(NominationFile File, MemoryStream Content)>();
        foreach (var file in files)
        {
            var copy = new MemoryStream();
            await file.File.Content.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            buffered.Add((file, copy));
        }

        var problems = SubmissionBounds.Check(nomination, files);
        if (problems.Count == 0)
        {
            problems = CheckNomination(plan, unitId, roundId, nomination, files);
            problems.AddRange(AchievementChecks.Check(plan, nomination, VietnamTime.LocalDay(arrival, VietnamTime.ZoneOf(plan.TimeZone))).Select(p => new FieldProblem(p.Path, p.Message)));
            problems.AddRange(buffered.SelectMany((f, i) => acceptance.CheckFile(f.File.File.FileName, f.Content.Length).Select(m => new FieldProblem(FileField(f.File, i), m))));
        }

        if (problems.Count > 0)
        {
            await AuditRefusalAsync(key, arrival, files.FirstOrDefault()?.File, problems, cancellationToken);
            return Refused([.. problems]);
        }

        // The id belongs to the first unit that claims it; a late dossier is refused below without claiming anything.
        var row = await status.GetAsync(key, cancellationToken);
        var refusedLate = row is not null && row.LatePolicy == LatePolicy.Reject && row.Evaluator.Evaluate(row.Deadline, arrival) == Timeliness.Late;
        if (row is not null && !refusedLate && await status.ClaimNominationAsync(cycleId, roundId, nomination.Id, unitId, cancellationToken) != unitId)
        {
            FieldProblem taken = new("nomination.id", $"Mã đề nghị «{nomination.Id}» đã được đơn vị khác dùng trong đợt này; chọn mã khác.");
            await AuditRefusalAsync(key, arrival, files.FirstOrDefault()?.File, [taken], cancellationToken);
            return Refused(taken) with { Conflict = true };
        }

        var round = plan.NominationRounds.First(r => r.Id == roundId);
        nomination = await WithEvidenceAsync(unitId, nomination with { Round = roundId, ProposedBy = unitId }, buffered, cancellationToken);
        var nominee = NomineeStatus.From(cycleId, round.AwardLevel, nomination) with
        {
            Documents = [.. files.Select(f => new SubmittedDocument(f.DocumentId, f.LineCount))],
        };
        var requests = buffered.Select(b => new UploadRequest(key, b.File.File.FileName, b.File.File.ContentType, b.Content) { ReceivedAt = arrival }).ToList();
        var intent = await mail.IntendAsync(key, arrival, cancellationToken);
        var results = await acceptance.AcceptAsync(requests, nominee, cancellationToken);
        await mail.SettleAsync(intent, plan, results, clock.IsRehearsal, cancellationToken);
        if (results.All(r => r.Accepted))
        {
            await KeepAsync(cycleId, unitId, roundId, nomination, files, results, cancellationToken);
        }

        return new SubmissionResult(results, []);
    }

    /// <summary>
    /// The records as the server vouches for them: what the unit says, with the evidence it uploaded now (name and
    /// digest of each <c>minh-chung.{record}</c> file), else the evidence and review its kept twin already has. A unit
    /// can never set a review itself.
    /// </summary>
    private async Task<Nomination> WithEvidenceAsync(string unitId, Nomination nomination, List<(NominationFile File, MemoryStream Content)> buffered, CancellationToken cancellationToken)
    {
        var kept = nomination.Achievements.Count == 0 ? null : await registry.GetAsync(unitId, nomination.Identity, cancellationToken);
        var records = nomination.Achievements.Select(record =>
        {
            var documentId = EvidenceFile.DocumentIdOf(record.Id);
            var upload = buffered.FirstOrDefault(b => b.File.DocumentId == documentId);
            var claimed = record with { Evidence = null, Review = null };
            return upload.File is not null
                ? claimed with { Evidence = new EvidenceFile(documentId, FileNameSanitizer.Sanitize(upload.File.File.FileName) ?? documentId, Digest(upload.Content)) }
                : AchievementMerge.CarryOver(kept?.Records ?? [], claimed);
        }).ToList();
        return nomination with { Achievements = records };
    }

    /// <summary>The accepted dossier's records join the nominee's kept record, each new file with where it lies.</summary>
    private async Task KeepAsync(string cycleId, string unitId, string roundId, Nomination nomination, IReadOnlyList<NominationFile> files, IReadOnlyList<UploadResult> results, CancellationToken cancellationToken)
    {
        var documentIds = files.Select(f => f.DocumentId).ToList();
        var records = nomination.Achievements.Select(record =>
        {
            var index = documentIds.IndexOf(record.Evidence?.DocumentId ?? "");
            return index < 0 || record.Evidence is not { CycleId: null } evidence
                ? record
                : record with { Evidence = evidence with { CycleId = cycleId, UnitId = unitId, RoundId = roundId, Version = results[index].Version } };
        }).ToList();
        var now = clocks.WallNow();
        await registry.UpdateAsync(unitId, nomination.Identity, kept => KeptNominee.Take(kept, unitId, cycleId, nomination with { Achievements = records }, now), cancellationToken);
    }

    private static string Digest(MemoryStream content) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));

    private static string FileField(NominationFile file, int index) =>
        file.DocumentId.StartsWith(EvidenceFile.Prefix, StringComparison.Ordinal) ? $"evidence.{file.DocumentId[EvidenceFile.Prefix.Length..]}" : $"files[{index}]";

    private static List<FieldProblem> CheckNomination(Plan plan, string unitId, string roundId, Nomination nomination, IReadOnlyList<NominationFile> files)
    {
        var problems = new List<FieldProblem>();
        var round = plan.NominationRounds.FirstOrDefault(r => r.Id == roundId);
        var unit = plan.Units.FirstOrDefault(u => u.Id == unitId);
        if (round is null || unit is null || round.PickedFrom is not null || !round.Proposers.Includes(unit))
        {
            problems.Add(new FieldProblem("round", $"Đơn vị không được đề nghị trong đợt «{roundId}»."));
            return problems;
        }

        if (round.Deadline is null)
        {
            // No deadline, no status rows: nothing could say whether a dossier is on time.
            problems.Add(new FieldProblem("round", UndatedRound(round)));
            return problems;
        }

        if (string.IsNullOrWhiteSpace(nomination.Name))
        {
            problems.Add(new FieldProblem("nomination.name", "Thiếu tên tập thể, cá nhân được đề nghị."));
        }

        // A relay forwards nominees of the units under it: the whole tree is the plan's.
        if (plan.AllUnits().All(u => u.Id != nomination.NomineeUnit))
        {
            problems.Add(new FieldProblem("nomination.nomineeUnit", $"Đơn vị «{nomination.NomineeUnit}» không có trong kế hoạch."));
        }

        if (round.Eligibility.Count > 0 && round.Eligibility.All(p => p.Id != nomination.Profile))
        {
            problems.Add(new FieldProblem("nomination.profile", $"«{nomination.Profile}» không phải đối tượng xét của «{round.Title}»; chọn một trong: {string.Join(", ", round.Eligibility.Select(p => p.Id))}."));
        }

        if (files.Count == 0)
        {
            problems.Add(new FieldProblem("files", "Hồ sơ chưa có tệp nào."));
        }

        var documents = round.Dossier?.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var evidence = (nomination.Achievements ?? []).Where(a => a?.Id is not null).Select(a => EvidenceFile.DocumentIdOf(a.Id)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].DocumentId.StartsWith(EvidenceFile.Prefix, StringComparison.Ordinal))
            {
                if (!evidence.Contains(files[i].DocumentId))
                {
                    problems.Add(new FieldProblem(FileField(files[i], i), $"Tệp minh chứng «{files[i].File.FileName}» không gắn với thành tích nào đã kê khai."));
                }
            }
            else if (round.Dossier is not null && !documents.Contains(files[i].DocumentId))
            {
                problems.Add(new FieldProblem($"files[{i}].documentId", $"«{files[i].DocumentId}» không phải thành phần hồ sơ của «{round.Title}»."));
            }

            if (files[i].LineCount is < 0)
            {
                problems.Add(new FieldProblem($"files[{i}].lineCount", "Số dòng không được âm."));
            }
        }

        return problems;
    }

    /// <summary>Why a round without a deadline takes nothing yet, as the unit reads it.</summary>
    public static string UndatedRound(NominationRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return $"Đợt «{round.Title}» chưa ấn định thời hạn nên chưa nhận hồ sơ đề nghị; cơ quan thường trực sẽ thông báo thời hạn.";
    }

    private async Task AuditRefusalAsync(SubmissionKey key, DateTimeOffset arrival, IncomingFile? file, IReadOnlyList<FieldProblem> problems, CancellationToken cancellationToken)
    {
        var reason = string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}"));
        await status.AppendAuditAsync(new UploadAudit(key, UploadAudit.NewAttemptId(arrival), arrival, UploadOutcome.RejectedInvalid, reason, file?.FileName, file?.ContentType, 0, ""), cancellationToken);
    }

    private async Task<Plan> PlanOf(string cycleId, CancellationToken cancellationToken) =>
        await plans.GetAsync(cycleId, cancellationToken) ?? throw new KeyNotFoundException($"Cycle '{cycleId}' has no recorded plan.");

    private static SubmissionResult Refused(params FieldProblem[] problems) => new([], problems);
}
