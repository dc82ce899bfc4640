namespace Workflow.Email.Templates;

/// <summary>Giấy biên nhận: what the server accepted, when by its clock, and the checksum that identifies the file.</summary>
public sealed record ReceiptMail(
    string UnitName,
    string PlanNumber,
    string SubjectTitle,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    string FileName,
    long Size,
    string Sha256,
    int Version,
    bool Late,
    Deadline Deadline,
    UploadLink Link)
{
    /// <summary>
    /// Every file of the submission when there are several (a report with its filled forms), in order; empty for a
    /// single file, which <see cref="FileName"/>, <see cref="Size"/> and <see cref="Sha256"/> describe.
    /// </summary>
    public IReadOnlyList<ReceiptFile> Files { get; init; } = [];
}
