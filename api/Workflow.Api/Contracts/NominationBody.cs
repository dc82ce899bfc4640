namespace Workflow.Api.Contracts;

/// <summary>
/// A nomination as a unit sends it; the proposer and the round come from the token and the route, never from here.
/// <see cref="Record"/> holds the yes/no facts and numbers the criteria need; titles and awards go in
/// <see cref="Achievements"/>, each with its decision (a bare <c>record.yearly</c> level still counts, as a claim
/// without evidence).
/// </summary>
public sealed record NominationBody(
    string? Id,
    string? Name,
    NomineeKind? Kind,
    string? NomineeUnit,
    bool IsPolice,
    string? Profile,
    NomineeRecord? Record,
    IReadOnlyList<SubmittedDocument>? Documents,
    string? Position = null,
    string? PersonalId = null,
    IReadOnlyList<AchievementBody>? Achievements = null);
