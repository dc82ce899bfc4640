namespace Workflow.Email.Templates;

public sealed record PlanNoticeMail(
    string UnitName,
    string PlanNumber,
    DateOnly IssuedOn,
    string Issuer,
    string PlanTitle,
    IReadOnlyList<DeliverableDeadline> Items,
    UploadLink Link);
