namespace Workflow.Storage;

/// <summary>
/// One nominee in a round: who proposed whom, a summary of the declared facts, and the three verdicts
/// (eligibility with the failed rules, dossier completeness, quota). A null verdict has not been evaluated yet.
/// </summary>
public sealed record NomineeStatus
{
    public required string CycleId { get; init; }
    public required string RoundId { get; init; }
    public required string NominationId { get; init; }
    public required AwardLevel AwardLevel { get; init; }
    public required string ProposedBy { get; init; }
    public required string NomineeUnit { get; init; }
    public required NomineeKind Kind { get; init; }
    public required string Name { get; init; }
    public bool IsPolice { get; init; }
    public string Profile { get; init; } = "";
    public string? Position { get; init; }
    public string? PersonalId { get; init; }

    /// <summary>The achievement records with their evidence and the operators' reviews; the evaluation reads these.</summary>
    public IReadOnlyList<AchievementRecord> Achievements { get; init; } = [];

    /// <summary>The declared record as JSON, kept for audit.</summary>
    public string RecordJson { get; init; } = "{}";

    /// <summary>When the proposal arrived (server clock); rounds judge proposals in arrival order.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The dossier's documents: which required document each is, and its line count where limited.</summary>
    public IReadOnlyList<SubmittedDocument> Documents { get; init; } = [];

    /// <summary>The dossier versions (under the proposer's round submission) holding this nominee's files.</summary>
    public IReadOnlyList<int> Versions { get; init; } = [];

    public bool? Eligible { get; init; }
    public IReadOnlyList<string> FailedRules { get; init; } = [];
    public IReadOnlyList<string> EligibilityReasons { get; init; } = [];

    /// <summary>The criteria met only by records without evidence ("chưa có minh chứng"), as messages.</summary>
    public IReadOnlyList<string> Unevidenced { get; init; } = [];
    public bool? DossierComplete { get; init; }
    public IReadOnlyList<string> DossierProblems { get; init; } = [];
    public bool? WithinQuota { get; init; }
    public IReadOnlyList<string> QuotaViolations { get; init; } = [];

    public static NomineeStatus From(string cycleId, AwardLevel level, Nomination nomination) => new()
    {
        CycleId = SubmissionKey.Check(cycleId, nameof(cycleId)),
        RoundId = SubmissionKey.Check(nomination.Round, nameof(nomination)),
        NominationId = SubmissionKey.Check(nomination.Id, nameof(nomination)),
        AwardLevel = level,
        ProposedBy = nomination.ProposedBy,
        NomineeUnit = nomination.NomineeUnit,
        Kind = nomination.Kind,
        Name = nomination.Name,
        IsPolice = nomination.IsPolice,
        Profile = nomination.Profile,
        RecordJson = System.Text.Json.JsonSerializer.Serialize(nomination.Record),
        Position = nomination.Position,
        PersonalId = nomination.PersonalId,
        Achievements = nomination.Achievements,
    };

    /// <summary>The nomination as the unit sent it, with the records as they stand now (reviews included).</summary>
    public Nomination ToNomination() => new()
    {
        Id = NominationId,
        Round = RoundId,
        ProposedBy = ProposedBy,
        NomineeUnit = NomineeUnit,
        Kind = Kind,
        Name = Name,
        IsPolice = IsPolice,
        Profile = Profile,
        Position = Position,
        PersonalId = PersonalId,
        Record = System.Text.Json.JsonSerializer.Deserialize<NomineeRecord>(RecordJson) ?? new NomineeRecord(),
        Achievements = Achievements,
    };

    /// <summary>A picked level's row keeps the records as they stood when it was judged.</summary>
    public NomineeStatus WithAchievements(IReadOnlyList<AchievementRecord> achievements) => this with { Achievements = achievements };

    public NomineeStatus WithEligibility(EligibilityResult result) => this with
    {
        Eligible = result.Eligible,
        FailedRules = [.. result.Failures.Select(f => f.RuleId)],
        EligibilityReasons = [.. result.Failures.Select(f => f.Message)],
        Unevidenced = [.. result.Unevidenced.Select(f => f.Message)],
    };

    public NomineeStatus WithDossier(DossierCheckResult result) => this with
    {
        DossierComplete = result.Complete,
        DossierProblems = [.. result.Problems.Select(p => p.Message)],
    };

    /// <summary>Only the violations that name this nominee count against it.</summary>
    public NomineeStatus WithQuota(IEnumerable<QuotaViolation> violations)
    {
        var mine = violations.Where(v => v.NominationIds.Contains(NominationId)).Select(v => v.Message).ToList();
        return this with { WithinQuota = mine.Count == 0, QuotaViolations = mine };
    }
}
