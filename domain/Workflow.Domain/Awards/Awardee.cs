namespace Workflow.Domain.Awards;

/// <summary>One line of the decision's annex: who, of which unit, for what.</summary>
public sealed record Awardee(
    string NominationId,
    NomineeKind Kind,
    string Name,
    string? Position,
    string Unit,
    string Achievement,
    string Identity);
