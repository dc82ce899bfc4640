namespace Workflow.Api.Contracts;

public sealed record UnitStatusRow(
    string UnitId,
    string UnitName,
    string Block,
    string? BlockName,
    string Subject,
    string SubjectTitle,
    UnitState State,
    DateTimeOffset? SubmittedAt,
    string? SubmittedAtText,
    int? Version,
    string? Receipt,
    int RemindersSent,
    DateTimeOffset? LastReminderAt,
    string? LastReminderText,
    string DeadlineText);
