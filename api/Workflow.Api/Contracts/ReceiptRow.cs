namespace Workflow.Api.Contracts;

/// <summary>An accepted upload of the unit, as its receipt says.</summary>
public sealed record ReceiptRow(
    string Receipt,
    string Subject,
    string SubjectTitle,
    int Version,
    DateTimeOffset ReceivedAt,
    string ReceivedAtText,
    string FileName,
    long Size,
    string Sha256,
    bool Late)
{
    /// <summary>The file-only form the file fills; null for a report or a dossier document.</summary>
    public string? Form { get; init; }

    /// <summary>"Báo cáo", or the title of the form the file fills; null for a dossier document.</summary>
    public string? FormTitle { get; init; }
}
