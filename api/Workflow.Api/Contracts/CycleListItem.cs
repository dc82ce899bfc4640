namespace Workflow.Api.Contracts;

public sealed record CycleListItem(
    string Id,
    string? Title,
    string? PlanNumber,
    OrchestrationRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    CycleProgress? Progress);
