namespace Workflow.Api.Contracts;

/// <summary>One page of reporting cycles; a null continuation token means the last page.</summary>
public sealed record CyclePage(IReadOnlyList<CycleListItem> Items, string? ContinuationToken);
