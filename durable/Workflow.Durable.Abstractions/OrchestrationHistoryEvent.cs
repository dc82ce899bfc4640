namespace Workflow.Durable;

/// <summary>One entry of an instance's history, for an operator timeline.</summary>
/// <param name="EventType">e.g. ExecutionStarted, TaskScheduled, TaskCompleted, TimerCreated, EventRaised.</param>
/// <param name="EventId">The task/timer id for scheduling events and their completions; -1 otherwise.</param>
/// <param name="Name">Activity, orchestrator or event name, when there is one.</param>
/// <param name="Data">Input, result, fire time or failure, as JSON.</param>
public sealed record OrchestrationHistoryEvent(string EventType, DateTimeOffset Timestamp, int EventId, string? Name, string? Data);
