namespace Workflow.Api.Contracts;

/// <summary>The receipts of an accepted nomination dossier, one per file, all at one arrival instant.</summary>
public sealed record NominationReceipt(
    UploadOutcome Outcome,
    string NominationId,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    string ReceivedAtText,
    bool Late,
    IReadOnlyList<FileReceipt> Files);
