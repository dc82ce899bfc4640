namespace Workflow.Cli.Api;

/// <summary>The receipt of an accepted report; the host's clock decided <see cref="Late"/>.</summary>
internal sealed record ReportReceipt(
    string Outcome,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    string? ReceivedAtText,
    int Version,
    bool Late,
    string? Sha256,
    string? FileName,
    IReadOnlyList<ReportFile>? Files = null);
