namespace Workflow.Domain.Nominations;

/// <summary>Met when any one of its alternatives is met ("... hoặc có ít nhất 02 giấy khen").</summary>
public sealed record AnyOfRule : EligibilityRule
{
    public IReadOnlyList<EligibilityRule> Alternatives { get; init; } = [];
}
