namespace Workflow.Domain.Plans;

/// <summary>A numbered section of the report outline (đề cương báo cáo), e.g. "III.2".</summary>
public sealed record OutlineSection
{
    public required string Number { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<OutlineSection> Sections { get; init; } = [];
}
