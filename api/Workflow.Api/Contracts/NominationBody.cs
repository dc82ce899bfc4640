namespace Workflow.Api.Contracts;

/// <summary>A nomination as a unit sends it; the proposer and the round come from the token and the route, never from here.</summary>
public sealed record NominationBody(
    string? Id,
    string? Name,
    NomineeKind? Kind,
    string? NomineeUnit,
    bool IsPolice,
    string? Profile,
    NomineeRecord? Record,
    IReadOnlyList<SubmittedDocument>? Documents);
