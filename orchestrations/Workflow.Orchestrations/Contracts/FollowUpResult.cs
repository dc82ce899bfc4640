namespace Workflow.Orchestrations.Contracts;

public sealed record FollowUpResult(
    string UnitId,
    string Subject,
    FollowUpOutcome Outcome,
    DateTimeOffset? SubmittedAt,
    int RemindersSent,
    bool Escalated);
