namespace Workflow.Api.Contracts;

/// <summary>
/// One file of a report submission: the report itself (<see cref="Form"/> null, titled "Báo cáo") or the filled file of
/// a file-only form, titled by its form ("Biểu mẫu 3"). <see cref="Url"/> is where an operator downloads it.
/// </summary>
public sealed record ReportFile(string? Form, string Title, string? FileName, string? ReceiptNumber, int? Version, string? Sha256)
{
    public string? Url { get; init; }
}
