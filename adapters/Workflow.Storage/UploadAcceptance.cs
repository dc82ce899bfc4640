using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// The acceptance decision for an upload, made at the boundary with the server clock against the unit's deadline
/// in storage, so a file arriving at the cutoff instant is late even if no orchestration has woken up yet.
/// <para>
/// Accepted means wholly stored. Write order for accepted files: a batch marker, a receipt number and a pending
/// blob per file, then the status row and one audit row per file in one transaction (the commit point), then the
/// nominee row of a nomination and the blobs made visible. A failure before the commit discards the pending blobs;
/// a crash anywhere leaves a marker that <see cref="UploadReconciler"/> finishes (committed) or sweeps (not). A unit
/// or a count never sees a file whose status and audit rows do not hold.
/// </para>
/// </summary>
public sealed partial class UploadAcceptance(
    IDossierStore dossiers,
    IStatusStore status,
    TimeProvider time,
    IOptions<StorageOptions> options,
    ILogger<UploadAcceptance> logger)
{
    public async Task<UploadResult> AcceptAsync(UploadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await AcceptAsync([request], null, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Judges the files of one submission (one key, one arrival) together: all are accepted in one transaction or
    /// none is. A late refusal is one result for them all. <paramref name="nominee"/> (a nomination dossier) is
    /// written once the files hold, with their versions.
    /// </summary>
    public async Task<IReadOnlyList<UploadResult>> AcceptAsync(IReadOnlyList<UploadRequest> requests, NomineeStatus? nominee, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfZero(requests.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requests.Count, StorageLimits.MaxFilesPerBatch);
        var key = requests[0].Key;
        if (requests.Any(r => r.Key != key))
        {
            throw new ArgumentException("The files of one submission share its key.", nameof(requests));
        }

        if (requests.All(r => r.Form is not null))
        {
            // A filled form counts with its report: without one, nothing would mark the unit as having handed in.
            throw new ArgumentException("A submission's filled forms travel with a report or dossier file.", nameof(requests));
        }

        // The arrival instant is the caller's, taken once the whole request has arrived; now when it gives none.
        var receivedAt = requests[0].ReceivedAt?.ToUniversalTime() ?? time.GetUtcNow();
        var limits = options.Value;
        var files = new List<Incoming>(requests.Count);
        foreach (var request in requests)
        {
            var (content, tooLarge) = await ReadAsync(request.Content, limits.MaxFileBytes, cancellationToken).ConfigureAwait(false);
            files.Add(new Incoming(request, UploadAudit.NewAttemptId(receivedAt), content, tooLarge, FileNameSanitizer.Sanitize(request.FileName), ContentTypeOf(request.ContentType)));
        }

        var row = await status.GetAsync(key, cancellationToken).ConfigureAwait(false);
        UploadResult Result(Incoming f, UploadOutcome outcome, IReadOnlyList<string> errors, string? receipt = null, int? version = null) =>
            new(outcome, key, f.AttemptId, receivedAt, row?.Deadline, row?.Cutoff, f.FileName, f.TooLarge ? -1 : f.Size, f.Sha256, receipt, version, errors) { Form = f.Request.Form };
        async Task<IReadOnlyList<UploadResult>> RejectAsync(
            IEnumerable<Incoming> refused, UploadOutcome outcome, Func<Incoming, IReadOnlyList<string>> errorsOf, IReadOnlyList<string>? names = null)
        {
            var results = new List<UploadResult>();
            foreach (var f in refused)
            {
                var errors = errorsOf(f);
                var audit = new UploadAudit(key, f.AttemptId, receivedAt, outcome, string.Join(" ", errors), f.FileName, f.ContentType, f.Size, f.Sha256) { Form = f.Request.Form };
                audit = names is null ? audit : audit with { FileNames = names };
                await status.AppendAuditAsync(audit, cancellationToken).ConfigureAwait(false);
                Log.Rejected(logger, key.ToString(), outcome, audit.Reason);
                var result = Result(f, outcome, errors);
                results.Add(names is null ? result : result with { FileNames = names });
            }

            return results;
        }

        if (row is null)
        {
            return await RejectAsync(files, UploadOutcome.RejectedInvalid, _ => [$"Đơn vị «{key.UnitId}» không có yêu cầu nộp «{key.SubjectId}» trong kỳ «{key.CycleId}»."]).ConfigureAwait(false);
        }

        if (files.Any(f => f.Errors(limits).Count > 0))
        {
            return await RejectAsync(files, UploadOutcome.RejectedInvalid, f => f.Errors(limits)).ConfigureAwait(false);
        }

        var timeliness = row.Evaluator.Evaluate(row.Deadline, receivedAt);
        if (timeliness == Timeliness.Late && row.LatePolicy == LatePolicy.Reject)
        {
            // Every file arrived at the same instant: one refusal (one audit row, one mail) covers them all, naming each.
            return await RejectAsync(files.Take(1), UploadOutcome.RejectedLate, _ =>
            [
                $"Tệp đến máy chủ lúc {VietnamTime.FormatDateTime(receivedAt)}, sau thời hạn «{row.Deadline.Describe()}» " +
                $"(thời điểm cuối cùng được nhận: {VietnamTime.FormatDateTime(row.Evaluator.LastAcceptedInstant(row.Deadline))}); " +
                "quá thời hạn, hồ sơ không được tiếp nhận.",
            ], [.. files.Select(f => f.FileName ?? "")]).ConfigureAwait(false);
        }

        return await StoreAsync(key, files, receivedAt, timeliness, nominee, Result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The problems a file would be refused for (name, type, size), so a dossier of several files is refused whole before any is stored.</summary>
    public IReadOnlyList<string> CheckFile(string? fileName, long size) =>
        Validate(fileName, FileNameSanitizer.Sanitize(fileName), size, size > options.Value.MaxFileBytes, options.Value);

    private async Task<IReadOnlyList<UploadResult>> StoreAsync(
        SubmissionKey key, List<Incoming> files, DateTimeOffset receivedAt, Timeliness timeliness, NomineeStatus? nominee,
        Func<Incoming, UploadOutcome, IReadOnlyList<string>, string?, int?, UploadResult> result, CancellationToken cancellationToken)
    {
        var late = timeliness == Timeliness.Late;
        var outcome = late ? UploadOutcome.AcceptedLate : UploadOutcome.AcceptedOnTime;
        var reason = late ? "Tiếp nhận, nộp muộn." : "Tiếp nhận, đúng hạn.";
        var started = time.GetUtcNow();
        var batch = new PendingBatch(key, files[0].AttemptId, receivedAt, started, [.. files.Select(f => f.AttemptId)]) { Nominee = nominee };
        await dossiers.BeginAsync(batch, cancellationToken).ConfigureAwait(false);

        var stored = new List<(Incoming File, string Receipt, DossierVersion Version)>(files.Count);
        var committing = false;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var f = files[i];
                var receipt = await status.NextReceiptNumberAsync(key, f.AttemptId, cancellationToken).ConfigureAwait(false);
                var version = await dossiers.AddPendingVersionAsync(key, new DossierUpload(f.FileName!, f.ContentType, f.Content, receipt, receivedAt, late) { Form = f.Request.Form }, batch.BatchId, i, cancellationToken).ConfigureAwait(false);
                stored.Add((f, receipt, version));
            }

            // Past half the grace the reconciler may soon sweep this batch as abandoned: give up rather than commit files it would delete.
            if (time.GetUtcNow() - started > options.Value.PendingGrace / 2)
            {
                throw new TimeoutException($"Storing the files of {key} took longer than half the pending grace ({options.Value.PendingGrace}).");
            }

            var audits = stored.Select(s => new UploadAudit(key, s.File.AttemptId, receivedAt, outcome, reason, s.File.FileName, s.File.ContentType, s.File.Size, s.File.Sha256, s.Receipt, s.Version.Version) { Form = s.File.Request.Form }).ToList();
            // A report's filled forms count with the report they came with: the row keeps them beside its counted version.
            var forms = stored.Where(s => s.File.Request.Form is not null).Select(s => new FormFileVersion(s.File.Request.Form!, s.Version.Version)).ToList();
            committing = true;
            await status.UpdateAsync(
                key,
                row =>
                {
                    var next = stored.Where(s => s.File.Request.Form is null)
                        .Aggregate(row, (r, s) => r.WithSubmission(s.Version.Version, receivedAt, timeliness, s.Receipt, s.File.Request.StatisticsJson, forms));
                    return forms.Count == 0 ? next : next with { LatestVersion = Math.Max(next.LatestVersion, forms.Max(f => f.Version)) };
                },
                audits,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A transaction can hold although its answer was lost: only its absent audit row proves the files may go.
            var committed = committing ? await CommittedAsync(batch).ConfigureAwait(false) : false;
            if (committed != true)
            {
                Log.NotStored(logger, key.ToString(), ex.Message);
                if (committed == false)
                {
                    await DiscardQuietlyAsync(batch).ConfigureAwait(false);
                }

                throw;
            }
        }

        // Committed: from here on the files are accepted; a failure below is finished by the reconciler.
        try
        {
            if (nominee is not null)
            {
                await WriteNomineeAsync(status, nominee, receivedAt, [.. stored.Select(s => s.Version.Version)], CancellationToken.None).ConfigureAwait(false);
            }

            await dossiers.CommitAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or IOException or TimeoutException)
        {
            Log.CommitDeferred(logger, key.ToString(), batch.BatchId, ex.Message);
        }

        foreach (var s in stored)
        {
            Log.Accepted(logger, key.ToString(), s.Version.Version, s.Receipt, outcome);
        }

        return [.. stored.Select(s => result(s.File, outcome, [], s.Receipt, s.Version.Version))];
    }

    /// <summary>
    /// Writes a nomination's row with its dossier versions, unless its proposer has since sent a newer dossier (a
    /// reconciler finishing an old batch must not undo it) or the id belongs to another proposer.
    /// </summary>
    internal static async Task WriteNomineeAsync(IStatusStore status, NomineeStatus nominee, DateTimeOffset receivedAt, IReadOnlyList<int> versions, CancellationToken cancellationToken)
    {
        var written = nominee with { SubmittedAt = receivedAt, Versions = versions };
        await status.UpdateNomineeAsync(nominee.CycleId, nominee.RoundId, nominee.NominationId, current =>
            current is null || (current.ProposedBy == written.ProposedBy && current.Versions.DefaultIfEmpty().Max() < versions.DefaultIfEmpty().Max()) ? written : current,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the batch's transaction holds; null when storage cannot tell now (the reconciler will).</summary>
    private async Task<bool?> CommittedAsync(PendingBatch batch)
    {
        try
        {
            return await status.GetAuditAsync(batch.Key, batch.ReceivedAt, batch.AttemptIds[0], CancellationToken.None).ConfigureAwait(false) is not null;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or IOException)
        {
            return null;
        }
    }

    private async Task DiscardQuietlyAsync(PendingBatch batch)
    {
        try
        {
            await dossiers.DiscardAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or IOException)
        {
            // Storage is failing: the marker stays and the reconciler sweeps the batch later.
            Log.DiscardDeferred(logger, batch.Key.ToString(), batch.BatchId, ex.Message);
        }
    }

    private static string ContentTypeOf(string? claimed)
    {
        var type = claimed?.Trim();
        // Kept in blob metadata and headers, which take short ASCII only.
        return string.IsNullOrEmpty(type) || type.Length > StorageLimits.MaxContentTypeChars || !type.All(c => c is >= ' ' and <= '~')
            ? "application/octet-stream"
            : type;
    }

    /// <summary>Each message names the field (tên tệp, tệp đính kèm) so the unit knows what to fix.</summary>
    private static List<string> Validate(string? originalName, string? fileName, long size, bool tooLarge, StorageOptions limits)
    {
        var errors = new List<string>();
        if (FileNameSanitizer.Refusal(originalName) is { } refusal)
        {
            errors.Add($"Trường «Tên tệp» (fileName): {refusal}");
        }
        else if (fileName is null)
        {
            errors.Add(string.IsNullOrWhiteSpace(originalName)
                ? "Trường «Tên tệp» (fileName): chưa có tên tệp."
                : "Trường «Tên tệp» (fileName): tên tệp không hợp lệ (chỉ gồm ký tự điều khiển, dấu chấm hoặc đường dẫn).");
        }
        else if (!limits.AllowedExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"Trường «Tên tệp» (fileName): định dạng «{Path.GetExtension(fileName)}» không được chấp nhận; chỉ nhận {string.Join(", ", limits.AllowedExtensions)}.");
        }

        if (tooLarge)
        {
            errors.Add($"Trường «Tệp đính kèm» (file): tệp vượt quá dung lượng tối đa {limits.MaxFileBytes} byte.");
        }
        else if (size == 0)
        {
            errors.Add("Trường «Tệp đính kèm» (file): tệp rỗng (0 byte), không có nội dung.");
        }

        return errors;
    }

    /// <summary>Reads at most one byte past the limit, so an oversized upload cannot fill memory.</summary>
    private static async Task<(BinaryData Content, bool TooLarge)> ReadAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (BinaryData.Empty, true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (new BinaryData(buffer.ToArray()), false);
    }

    /// <summary>One file as read: its attempt, content and the name and type it will be kept under.</summary>
    private sealed record Incoming(UploadRequest Request, string AttemptId, BinaryData Content, bool TooLarge, string? FileName, string ContentType)
    {
        public long Size => Content.ToMemory().Length;

        public string Sha256 { get; } = Sha256Hex.Of(Content);

        public IReadOnlyList<string> Errors(StorageOptions limits) => Validate(Request.FileName, FileName, Size, TooLarge, limits);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Accepted {Key} as version {Version}, receipt {ReceiptNumber} ({Outcome})")]
        public static partial void Accepted(ILogger logger, string key, int version, string receiptNumber, UploadOutcome outcome);

        [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Rejected an upload for {Key} ({Outcome}): {Reason}")]
        public static partial void Rejected(ILogger logger, string key, UploadOutcome outcome, string reason);

        [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "An upload for {Key} was not stored; its pending files are discarded: {Reason}")]
        public static partial void NotStored(ILogger logger, string key, string reason);

        [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Accepted {Key} (batch {BatchId}), but finishing it failed; the reconciler finishes it: {Reason}")]
        public static partial void CommitDeferred(ILogger logger, string key, string batchId, string reason);

        [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Could not discard the pending files of {Key} (batch {BatchId}); the reconciler sweeps them: {Reason}")]
        public static partial void DiscardDeferred(ILogger logger, string key, string batchId, string reason);
    }
}
