namespace Workflow.Email.Templates;

/// <summary>A chase after the deadline; how late is counted in Vietnam calendar days up to <see cref="AsOf"/>.</summary>
public sealed record ChaseMail(string UnitName, string PlanNumber, string DeliverableTitle, Deadline Deadline, int ChaseNumber, DateTimeOffset AsOf, UploadLink Link);
