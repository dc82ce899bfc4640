namespace Workflow.Api.Contracts;

/// <summary>
/// The receipt of an accepted report; the server's clock decided <see cref="Late"/>. The top-level number, version and
/// checksum are the report file's; <see cref="Files"/> names every file accepted with it (the filled forms too).
/// </summary>
public sealed record ReportReceipt(
    UploadOutcome Outcome,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    string ReceivedAtText,
    int Version,
    bool Late,
    string Sha256,
    string? FileName)
{
    public IReadOnlyList<ReportFile> Files { get; init; } = [];
}
