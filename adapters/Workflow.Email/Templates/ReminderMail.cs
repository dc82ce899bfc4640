namespace Workflow.Email.Templates;

/// <summary>A reminder before the deadline; <see cref="DaysLeft"/> is the schedule point's "d days before".</summary>
public sealed record ReminderMail(string UnitName, string PlanNumber, string DeliverableTitle, Deadline Deadline, int DaysLeft, UploadLink Link);
