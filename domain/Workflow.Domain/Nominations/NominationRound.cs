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

    /// <summary>Null until an operator dates the round (a level the plan names without a deadline); picked levels have none.</summary>
    public Deadline? Deadline { get; init; }

    /// <summary>Proposing is optional: proposers are reminded before the deadline, and one that does not propose is "không đề nghị".</summary>
    public bool Optional { get; init; }
    public LatePolicy LatePolicy { get; init; } = LatePolicy.Reject;
    public IReadOnlyList<QuotaRule> Quotas { get; init; } = [];

    /// <summary>When true every nominee must fall under at least one quota rule that is not a plain total.</summary>
    public bool QuotasAreExhaustive { get; init; }

    /// <summary>Criteria per nominee category (police collective, commune police, enterprise individual...).</summary>
    public IReadOnlyList<EligibilityProfile> Eligibility { get; init; } = [];

    public DossierRequirement? Dossier { get; init; }

    /// <summary>Quota rules whose numbers have not been set yet ("theo chỉ tiêu Bộ Công an giao"): the round cannot be judged.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<QuotaRule> PendingQuotas => Quotas.Where(q => q.Pending);

    /// <summary>The round as something its proposers hand in under a deadline.</summary>
    public PlanSubject AsSubject(Deadline deadline) => new(Id, Title, deadline, LatePolicy, Proposers, IsNominationRound: true, Optional);
}
