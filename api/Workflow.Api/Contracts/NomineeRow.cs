namespace Workflow.Api.Contracts;

/// <summary>A nominee with the round's verdicts and every reason it was refused.</summary>
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
    IReadOnlyList<string> Reasons);
