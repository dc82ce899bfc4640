namespace Workflow.Application;

/// <summary>
/// The reviewed record, or why not: a field and its message (bad input), a missing round, nominee or record, or a
/// <see cref="Conflict"/> (the round's award is already signed).
/// </summary>
public sealed record RecordReviewResult(AchievementRecord? Record, string? Field, string? Problem, bool NotFound)
{
    public bool Conflict { get; init; }

    public static RecordReviewResult Missing(string problem) => new(null, null, problem, true);

    public static RecordReviewResult Invalid(string field, string problem) => new(null, field, problem, false);
}
