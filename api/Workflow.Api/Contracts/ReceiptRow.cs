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
    bool Late);
