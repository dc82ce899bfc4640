namespace Workflow.Domain.Plans;

/// <summary>A statistical form (biểu mẫu) whose fields every report fills in and the province sums.</summary>
public sealed record StatisticalForm
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<FormField> Fields { get; init; } = [];
}
