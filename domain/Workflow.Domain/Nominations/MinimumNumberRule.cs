namespace Workflow.Domain.Nominations;

/// <summary>A declared number that must reach a minimum, e.g. years in charge of the movement since 2021 ≥ 3.</summary>
public sealed record MinimumNumberRule : EligibilityRule
{
    public required string Number { get; init; }
    public required decimal Minimum { get; init; }
}
