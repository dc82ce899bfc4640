namespace Workflow.Domain.Plans;

/// <summary>Chasing after a deadline has passed: the first on the morning after it, then every few days.</summary>
public sealed record ChasePolicy
{
    public int EveryDays { get; init; } = 2;
    public int MaxCount { get; init; }
}
