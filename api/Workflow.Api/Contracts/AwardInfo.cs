namespace Workflow.Api.Contracts;

/// <summary>
/// Where a round's award stands: how many were proposed, refused and are to be awarded (collectives and individuals),
/// the drafts to download (none until the round has a selection) and the signed decision once entered.
/// </summary>
public sealed record AwardInfo(
    string RoundId,
    string AwardTitle,
    string Authority,
    int Proposed,
    int Refused,
    int Collectives,
    int Individuals,
    IReadOnlyList<ExportLink> Drafts,
    AwardDecision? Decision,
    string? DecisionText);
