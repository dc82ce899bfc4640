namespace Workflow.Api.Contracts;

/// <summary>
/// A nominee with the round's verdicts and every reason it was refused; its achievement records with their evidence and
/// reviews, and the criteria met only by claims (<see cref="Unevidenced"/>, "chưa có minh chứng"), evaluated as the
/// records stand now even before the round is judged.
/// </summary>
public sealed record NomineeRow(
    string NominationId,
    string Name,
    NomineeKind Kind,
    string ProposedBy,
    string? ProposedByName,
    string NomineeUnit,
    bool IsPolice,
    string Profile,
    DateTimeOffset? SubmittedAt,
    string? SubmittedAtText,
    IReadOnlyList<SubmittedDocument> Documents,
    NomineeVerdict Outcome,
    bool? Eligible,
    bool? DossierComplete,
    bool? WithinQuota,
    IReadOnlyList<string> FailedRules,
    IReadOnlyList<string> Reasons)
{
    public string? Position { get; init; }

    /// <summary>The nominee's unit by name (a commune under a relay has no status row to name it).</summary>
    public string? NomineeUnitName { get; init; }
    public string? Identity { get; init; }
    public IReadOnlyList<AchievementRow> Achievements { get; init; } = [];
    public IReadOnlyList<string> Unevidenced { get; init; } = [];
}
