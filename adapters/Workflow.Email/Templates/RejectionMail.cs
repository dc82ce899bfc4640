namespace Workflow.Email.Templates;

/// <summary>
/// A late submission refused under the plan's "quá thời hạn ... không tiếp nhận" rule: one report file, or every file of
/// a nomination dossier (refused whole), in the order they were sent.
/// </summary>
public sealed record RejectionMail(
    string UnitName,
    string PlanNumber,
    string SubjectTitle,
    IReadOnlyList<string> FileNames,
    Deadline Deadline,
    DateTimeOffset ReceivedAt,
    UploadLink Link);
