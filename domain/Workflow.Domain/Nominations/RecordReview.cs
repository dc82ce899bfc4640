namespace Workflow.Domain.Nominations;

/// <summary>An operator's verdict on an achievement record: who gave it, when (UTC), and why when refused.</summary>
public sealed record RecordReview(ReviewVerdict Verdict, string? Reason, string By, DateTimeOffset At);
