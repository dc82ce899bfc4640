namespace Workflow.Storage;

/// <summary>
/// A collective's or a person's achievement record as a unit keeps it across cycles (MISA CeGov's "quá trình khen
/// thưởng"): who they are, under their stable <see cref="Identity"/>, and every record with its evidence and review.
/// <see cref="KeeperUnitId"/> is the unit that proposes them; the next cycle's nomination is pre-filled from here.
/// </summary>
public sealed record KeptNominee
{
    public required string KeeperUnitId { get; init; }
    public required string Identity { get; init; }
    public required NomineeKind Kind { get; init; }
    public required string Name { get; init; }
    public required string NomineeUnit { get; init; }
    public string? Position { get; init; }
    public string? PersonalId { get; init; }
    public bool IsPolice { get; init; }
    public string Profile { get; init; } = "";
    public IReadOnlyList<AchievementRecord> Records { get; init; } = [];

    /// <summary>The cycle and nomination that last wrote it, and when (UTC).</summary>
    public string? LastCycleId { get; init; }

    public string? LastNominationId { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The kept nominee as a new nomination describes them, its records merged into the kept ones.</summary>
    public static KeptNominee Take(KeptNominee? kept, string keeperUnitId, string cycleId, Nomination nomination, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        return new KeptNominee
        {
            KeeperUnitId = keeperUnitId,
            Identity = nomination.Identity,
            Kind = nomination.Kind,
            Name = nomination.Name,
            NomineeUnit = nomination.NomineeUnit,
            Position = nomination.Position,
            PersonalId = nomination.PersonalId,
            IsPolice = nomination.IsPolice,
            Profile = nomination.Profile,
            Records = AchievementMerge.Merge(kept?.Records ?? [], nomination.Achievements),
            LastCycleId = cycleId,
            LastNominationId = nomination.Id,
            UpdatedAt = at,
        };
    }
}
