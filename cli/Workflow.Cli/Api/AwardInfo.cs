namespace Workflow.Cli.Api;

/// <summary>A round's award as the host reports it: its figures, its drafts, and the signed decision's wording once entered.</summary>
internal sealed record AwardInfo(
    string RoundId,
    string AwardTitle,
    string Authority,
    int Proposed,
    int Refused,
    int Collectives,
    int Individuals,
    IReadOnlyList<ExportLink> Drafts,
    string? DecisionText);
