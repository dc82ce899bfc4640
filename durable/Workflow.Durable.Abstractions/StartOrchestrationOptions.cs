namespace Workflow.Durable;

/// <summary>Options for scheduling a new orchestration instance.</summary>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
