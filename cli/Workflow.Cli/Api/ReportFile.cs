namespace Workflow.Cli.Api;

/// <summary>One file accepted with a report: the report itself (no form) or a file-only form's file.</summary>
internal sealed record ReportFile(string? Form, string Title, string? FileName, string? ReceiptNumber, int? Version, string? Sha256);
