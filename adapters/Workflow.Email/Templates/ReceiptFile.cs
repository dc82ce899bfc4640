namespace Workflow.Email.Templates;

/// <summary>One file a receipt names: what it is ("Báo cáo", or the form it fills), its name, size, checksum and receipt number.</summary>
public sealed record ReceiptFile(string Label, string FileName, long Size, string Sha256, string ReceiptNumber);
