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

    public NomineeRecord Record { get; init; } = new();
}
