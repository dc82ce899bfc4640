namespace Workflow.Cli.Api;

internal sealed record CycleListItem(
    string Id,
    string? Title,
    string? PlanNumber,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    CycleProgress? Progress);
