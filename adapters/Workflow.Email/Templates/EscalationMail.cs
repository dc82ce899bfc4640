namespace Workflow.Email.Templates;

/// <summary>A chase that also reports the unit to the supervising member of the steering committee (copied).</summary>
public sealed record EscalationMail(
    string MemberName,
    string UnitName,
    string PlanNumber,
    string DeliverableTitle,
    Deadline Deadline,
    int ChasesSent,
    DateTimeOffset AsOf,
    UploadLink Link);
