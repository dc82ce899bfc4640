namespace Workflow.Email.Templates;

/// <summary>A late file refused under the plan's "quá thời hạn ... không tiếp nhận" rule.</summary>
public sealed record RejectionMail(
    string UnitName,
    string PlanNumber,
    string SubjectTitle,
    string FileName,
    Deadline Deadline,
    DateTimeOffset ReceivedAt,
    UploadLink Link);
