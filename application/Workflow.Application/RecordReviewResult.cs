namespace Workflow.Application;

/// <summary>The reviewed record, or why not: a field and its message (bad input) or a missing round, nominee or record.</summary>
public sealed record RecordReviewResult(AchievementRecord? Record, string? Field, string? Problem, bool NotFound)
{
    public static RecordReviewResult Missing(string problem) => new(null, null, problem, true);

    public static RecordReviewResult Invalid(string field, string problem) => new(null, field, problem, false);
}
