namespace Workflow.Api.Contracts;

/// <summary>The receipt of an accepted report file; the server's clock decided <see cref="Late"/>.</summary>
public sealed record ReportReceipt(
    UploadOutcome Outcome,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    string ReceivedAtText,
    int Version,
    bool Late,
    string Sha256,
    string? FileName);
