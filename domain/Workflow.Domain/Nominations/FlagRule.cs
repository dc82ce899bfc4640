namespace Workflow.Domain.Nominations;

/// <summary>A declared yes/no fact that must have the required value, e.g. "under discipline" must be false.</summary>
public sealed record FlagRule : EligibilityRule
{
    public required string Flag { get; init; }
    public bool Required { get; init; }
}
