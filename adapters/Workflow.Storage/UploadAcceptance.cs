using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// The acceptance decision for an upload, made at the boundary with the server clock against the unit's deadline
/// in storage, so a file arriving at the cutoff instant is late even if no orchestration has woken up yet.
/// <para>
/// Write order for an accepted file: receipt number, then the blob (conditional create), then the status row and
/// its audit row in one transaction. A crash after the receipt leaves a gap in the series; after the blob, an
/// uncounted version that <see cref="IDossierStore.ListVersionsAsync"/> still shows. A status row therefore never
/// points at a blob that does not exist.
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
        // The arrival instant is when the request reaches us, before the body is read.
        var receivedAt = request.ReceivedAt?.ToUniversalTime() ?? time.GetUtcNow();
        var attemptId = UploadAudit.NewAttemptId(receivedAt);
        var limits = options.Value;
        var (content, tooLarge) = await ReadAsync(request.Content, limits.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        var size = content.ToMemory().Length;
        var sha256 = Sha256Hex.Of(content);
        var fileName = FileNameSanitizer.Sanitize(request.FileName);
        var contentType = string.IsNullOrWhiteSpace(request.ContentType) ? "application/octet-stream" : request.ContentType.Trim();

        var row = await status.GetAsync(request.Key, cancellationToken).ConfigureAwait(false);
        UploadResult Result(UploadOutcome outcome, IReadOnlyList<string> errors, string? receipt = null, int? version = null) =>
            new(outcome, request.Key, attemptId, receivedAt, row?.Deadline, row?.Cutoff, fileName, tooLarge ? -1 : size, sha256, receipt, version, errors);
        async Task<UploadResult> RejectAsync(UploadOutcome outcome, IReadOnlyList<string> errors)
        {
            var audit = new UploadAudit(request.Key, attemptId, receivedAt, outcome, string.Join(" ", errors), fileName, contentType, size, sha256);
            await status.AppendAuditAsync(audit, cancellationToken).ConfigureAwait(false);
            Log.Rejected(logger, request.Key.ToString(), outcome, audit.Reason);
            return Result(outcome, errors);
        }

        if (row is null)
        {
            return await RejectAsync(UploadOutcome.RejectedInvalid, [$"Đơn vị «{request.Key.UnitId}» không có yêu cầu nộp «{request.Key.SubjectId}» trong kỳ «{request.Key.CycleId}»."]).ConfigureAwait(false);
        }

        var errors = Validate(request.FileName, fileName, size, tooLarge, limits);
        if (errors.Count > 0)
        {
            return await RejectAsync(UploadOutcome.RejectedInvalid, errors).ConfigureAwait(false);
        }

        var timeliness = row.Evaluator.Evaluate(row.Deadline, receivedAt);
        if (timeliness == Timeliness.Late && row.LatePolicy == LatePolicy.Reject)
        {
            return await RejectAsync(UploadOutcome.RejectedLate,
            [
                $"Tệp đến máy chủ lúc {VietnamTime.FormatDateTime(receivedAt)}, sau thời hạn «{row.Deadline.Describe()}» " +
                $"(thời điểm cuối cùng được nhận: {VietnamTime.FormatDateTime(row.Evaluator.LastAcceptedInstant(row.Deadline))}); " +
                "quá thời hạn, hồ sơ không được tiếp nhận.",
            ]).ConfigureAwait(false);
        }

        var receipt = await status.NextReceiptNumberAsync(request.Key.CycleId, cancellationToken).ConfigureAwait(false);
        var late = timeliness == Timeliness.Late;
        var stored = await dossiers.AddVersionAsync(request.Key, new DossierUpload(fileName!, contentType, content, receipt, receivedAt, late), cancellationToken).ConfigureAwait(false);
        var outcome = late ? UploadOutcome.AcceptedLate : UploadOutcome.AcceptedOnTime;
        var reason = late ? "Tiếp nhận, nộp muộn." : "Tiếp nhận, đúng hạn.";
        var accepted = new UploadAudit(request.Key, attemptId, receivedAt, outcome, reason, fileName, contentType, size, sha256, receipt, stored.Version);
        await status.UpdateAsync(request.Key, s => s.WithSubmission(stored.Version, receivedAt, timeliness, receipt, request.StatisticsJson), accepted, cancellationToken).ConfigureAwait(false);
        Log.Accepted(logger, request.Key.ToString(), stored.Version, receipt, outcome);
        return Result(outcome, [], receipt, stored.Version);
    }

    /// <summary>Each message names the field (tên tệp, tệp đính kèm) so the unit knows what to fix.</summary>
    /// <summary>The problems a file would be refused for (name, type, size), so a dossier of several files is refused whole before any is stored.</summary>
    public IReadOnlyList<string> CheckFile(string? fileName, long size) =>
        Validate(fileName, FileNameSanitizer.Sanitize(fileName), size, size > options.Value.MaxFileBytes, options.Value);

    private static List<string> Validate(string? originalName, string? fileName, long size, bool tooLarge, StorageOptions limits)
    {
        var errors = new List<string>();
        if (fileName is null)
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Accepted {Key} as version {Version}, receipt {ReceiptNumber} ({Outcome})")]
        public static partial void Accepted(ILogger logger, string key, int version, string receiptNumber, UploadOutcome outcome);

        [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Rejected an upload for {Key} ({Outcome}): {Reason}")]
        public static partial void Rejected(ILogger logger, string key, UploadOutcome outcome, string reason);
    }
}
