namespace Workflow.Storage;

/// <summary>One upload attempt, accepted or not, as the server saw it. Append-only.</summary>
public sealed record UploadAudit(
    SubmissionKey Key,
    string AttemptId,
    DateTimeOffset ReceivedAt,
    UploadOutcome Outcome,
    string Reason,
    string? FileName,
    string? ContentType,
    long Size,
    string Sha256,
    string? ReceiptNumber = null,
    int? Version = null);
