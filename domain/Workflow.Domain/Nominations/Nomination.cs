namespace Workflow.Domain.Nominations;

/// <summary>A proposal of one collective or individual for an award level.</summary>
public sealed record Nomination
{
    public required string Id { get; init; }
    public required string Round { get; init; }

    /// <summary>The unit that proposes (a district committee, a police department...).</summary>
    public required string ProposedBy { get; init; }

    /// <summary>The plan unit the nominee belongs to; the proposer itself when the nominee is outside the plan's units.</summary>
    public required string NomineeUnit { get; init; }

    public required NomineeKind Kind { get; init; }
    public required string Name { get; init; }

    /// <summary>True when the nominee belongs to the police force ("thuộc lực lượng Công an").</summary>
    public bool IsPolice { get; init; }

    /// <summary>The eligibility profile the nominee is judged against.</summary>
    public required string Profile { get; init; }

    /// <summary>Chức vụ of an individual ("Đội trưởng Đội An ninh"); empty for a collective.</summary>
    public string? Position { get; init; }

    /// <summary>
    /// An individual's số định danh cá nhân (12 digits), which keeps their record theirs across units and cycles; without
    /// it the record is keyed by unit and name.
    /// </summary>
    public string? PersonalId { get; init; }

    /// <summary>The declared facts: yes/no answers and numbers (and, from older clients, bare yearly levels).</summary>
    public NomineeRecord Record { get; init; } = new();

    /// <summary>Titles and awards, each with its decision and, where uploaded, the decision's file.</summary>
    public IReadOnlyList<AchievementRecord> Achievements { get; init; } = [];

    /// <summary>The key the nominee's achievement record is kept under across cycles.</summary>
    public string Identity => NomineeIdentity.Of(Kind, NomineeUnit, Name, PersonalId);
}
