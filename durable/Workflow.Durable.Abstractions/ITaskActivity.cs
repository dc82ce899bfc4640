namespace Workflow.Durable;

/// <summary>Untyped view of an activity, used by the runtime.</summary>
public interface ITaskActivity
{
    Type InputType { get; }

    Type OutputType { get; }

    Task<object?> RunAsync(TaskActivityContext context, object? input);
}
