namespace Workflow.Storage;

/// <summary>
/// A signed award decision as an operator entered it: its number and date, the authority, who entered it and when (UTC),
/// and the nominations it granted; each awardee's kept record gains the award.
/// </summary>
public sealed record AwardDecision(
    string CycleId,
    string RoundId,
    string Number,
    DateOnly SignedOn,
    string Issuer,
    string AwardTitle,
    IReadOnlyList<string> NominationIds,
    string EnteredBy,
    DateTimeOffset EnteredAt);
