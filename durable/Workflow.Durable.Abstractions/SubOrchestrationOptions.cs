namespace Workflow.Durable;

/// <summary>Options for a sub-orchestration; without an instance id a deterministic one is generated.</summary>
public record SubOrchestrationOptions(TaskRetryOptions? Retry = null, string? InstanceId = null) : TaskOptions(Retry);
