namespace Workflow.Api.Contracts;

public sealed record FileReceipt(string DocumentId, string? FileName, string ReceiptNumber, int Version, string Sha256);
