namespace Workflow.Api.Contracts;

public sealed record HealthStatus(string Status, DateTimeOffset Time);
