namespace Workflow.Domain.Levels;

/// <summary>
/// What a relay's operator decides when issuing the plan to the units under it; everything else is inherited from the
/// parent cycle's plan (<see cref="PlanDerivation"/>). Deadlines are keyed by the inherited deliverable or proposal round.
/// </summary>
public sealed record RelayPlanRequest
{
    /// <summary>The relay's own plan number, e.g. "25/KH-BCĐ"; defaults to the parent's number with the relay's name.</summary>
    public string? Number { get; init; }

    /// <summary>The units' deadline for each inherited deliverable and proposal round: each before the relay's own deadline to the parent.</summary>
    public IReadOnlyDictionary<string, Deadline> Deadlines { get; init; } = new Dictionary<string, Deadline>();

    /// <summary>
    /// Inherited deliverables the relay does itself and does not hand down (its own conference, say): they need no
    /// deadline here, and its units are not asked for them.
    /// </summary>
    public IReadOnlyList<string> Retained { get; init; } = [];

    /// <summary>The relay's reminders; the parent's when not set.</summary>
    public ReminderPolicy? Reminders { get; init; }

    /// <summary>Units the relay adds to those the parent's plan lists under it.</summary>
    public IReadOnlyList<Unit> Units { get; init; } = [];

    /// <summary>Blocks for the added units, when they are not among the parent's.</summary>
    public IReadOnlyList<Block> Blocks { get; init; } = [];

    /// <summary>Deliverables the relay asks for on top of the inherited ones.</summary>
    public IReadOnlyList<Deliverable> Deliverables { get; init; } = [];
}
