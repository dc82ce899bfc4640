namespace Workflow.Domain.Nominations;

/// <summary>
/// One award level's nomination round: who may propose, by when, within which quotas, meeting which criteria,
/// with which dossier. Levels the province picks from lower-level proposals name their <see cref="PickedFrom"/> round.
/// </summary>
public sealed record NominationRound
{
    public required string Id { get; init; }
    public required AwardLevel AwardLevel { get; init; }
    public required string Title { get; init; }

    /// <summary>Units that may propose in this round; empty when the province picks (see <see cref="PickedFrom"/>).</summary>
    public UnitScope Proposers { get; init; } = new();

    /// <summary>The lower round whose accepted proposals the province picks from, for hierarchical levels.</summary>
    public string? PickedFrom { get; init; }

    public Deadline? Deadline { get; init; }
    public LatePolicy LatePolicy { get; init; } = LatePolicy.Reject;
    public IReadOnlyList<QuotaRule> Quotas { get; init; } = [];

    /// <summary>When true every nominee must fall under at least one quota rule that is not a plain total.</summary>
    public bool QuotasAreExhaustive { get; init; }

    /// <summary>Criteria per nominee category (police collective, commune police, enterprise individual...).</summary>
    public IReadOnlyList<EligibilityProfile> Eligibility { get; init; } = [];

    public DossierRequirement? Dossier { get; init; }
}
