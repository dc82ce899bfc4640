using Workflow.Domain.Consolidation;

namespace Workflow.Cli.Api;

/// <summary>The cycle's custom status as the API returns it.</summary>
internal sealed record CycleProgress(
    string? Phase,
    string? PhaseLabel,
    int Expected,
    int OnTime,
    int Late,
    int Missing,
    int Pending,
    int RemindersSent,
    DateTimeOffset? NextDeadline,
    string? NextDeadlineText,
    int Extensions,
    int MailsWithheld = 0,
    DateTimeOffset? ReachedAt = null,
    DateTimeOffset? NextStepAt = null,
    int StepsDone = 0,
    DateTimeOffset? StandsAt = null,
    RehearsalClock? Rehearsal = null,
    IReadOnlyList<FailedPiece>? Failures = null,
    NominationCounts? Nominations = null,
    int NotRequired = 0,
    int RoundsDated = 0);
