namespace Workflow.Durable.AzureStorage;

/// <summary>The result of a task, timer or sub-orchestration as delivered to the orchestrator.</summary>
internal readonly record struct TaskOutcome(string? Result, TaskFailureDetails? Failure);
