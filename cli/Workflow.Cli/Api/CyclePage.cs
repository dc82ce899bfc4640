namespace Workflow.Cli.Api;

internal sealed record CyclePage(IReadOnlyList<CycleListItem> Items, string? ContinuationToken);
