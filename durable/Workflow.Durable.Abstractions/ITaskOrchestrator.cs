namespace Workflow.Durable;

/// <summary>Untyped view of an orchestrator, used by the runtime.</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}
