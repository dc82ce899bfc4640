namespace Workflow.Storage;

/// <summary>
/// The boundary's decision on one upload. <see cref="ReceivedAt"/> is the server's clock; for a late rejection
/// <see cref="Deadline"/> and <see cref="LastAcceptedInstant"/> are what the rejection e-mail quotes.
/// </summary>
public sealed record UploadResult(
    UploadOutcome Outcome,
    SubmissionKey Key,
    string AttemptId,
    DateTimeOffset ReceivedAt,
    Deadline? Deadline,
    DateTimeOffset? Cutoff,
    string? FileName,
    long Size,
    string Sha256,
    string? ReceiptNumber,
    int? Version,
    IReadOnlyList<string> Errors)
{
    private readonly IReadOnlyList<string>? _fileNames;
    /// <summary>The file-only form the file fills; null for a report or a dossier document.</summary>
    public string? Form { get; init; }

    public bool Accepted => Outcome is UploadOutcome.AcceptedOnTime or UploadOutcome.AcceptedLate;

    /// <summary>
    /// The names of every file this result stands for, in the order they were sent: a late dossier is refused as one
    /// result for all its files, and its refusal must name them all. Otherwise the one <see cref="FileName"/>.
    /// </summary>
    public IReadOnlyList<string> FileNames
    {
        get => _fileNames ?? (FileName is null ? [] : [FileName]);
        init => _fileNames = value;
    }

    /// <summary>The last on-time instant, as people are told it (23:59:59.999 of the last day).</summary>
    public DateTimeOffset? LastAcceptedInstant => Cutoff?.AddMilliseconds(-1);
}
