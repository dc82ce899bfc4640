using System.Globalization;
using System.Security.Cryptography;

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
    int? Version = null)
{
    private readonly IReadOnlyList<string>? _fileNames;

    /// <summary>Every file of the attempt in the order sent (a late dossier is one refused attempt); otherwise the one <see cref="FileName"/>.</summary>
    public IReadOnlyList<string> FileNames
    {
        get => _fileNames ?? (FileName is null ? [] : [FileName]);
        init => _fileNames = value;
    }
    /// <summary>The file-only form the file fills; null for a report or a dossier document.</summary>
    public string? Form { get; init; }

    /// <summary>A new attempt id: arrival ticks (so ids sort by arrival) and a random suffix (two attempts may share a tick).</summary>
    public static string NewAttemptId(DateTimeOffset receivedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{receivedAt.UtcTicks:x}{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
}
