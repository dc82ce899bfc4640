namespace Workflow.Storage;

/// <summary>One stored version of a unit's file, as its blob metadata describes it.</summary>
public sealed record DossierVersion(
    SubmissionKey Key,
    int Version,
    string BlobName,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    bool Late)
{
    /// <summary>The file-only form the file fills; null for a report or a dossier document.</summary>
    public string? Form { get; init; }
}
