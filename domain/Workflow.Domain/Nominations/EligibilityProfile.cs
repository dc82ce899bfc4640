namespace Workflow.Domain.Nominations;

/// <summary>The criteria one category of nominee must meet (000 section III.3), e.g. "Tập thể Công an cấp xã".</summary>
public sealed record EligibilityProfile
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required NomineeKind NomineeKind { get; init; }
    public IReadOnlyList<EligibilityRule> Rules { get; init; } = [];
}
