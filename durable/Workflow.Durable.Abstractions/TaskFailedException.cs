namespace Workflow.Durable;

/// <summary>Thrown inside an orchestrator when an activity or sub-orchestration failed after its retries.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(TaskName taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails?.ErrorType}: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public TaskFailedException()
        : this(default, -1, new TaskFailureDetails(nameof(Exception), "Task failed"))
    {
    }

    public TaskFailedException(string message)
        : this(message, null)
    {
    }

    public TaskFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
        TaskId = -1;
        FailureDetails = new TaskFailureDetails(nameof(Exception), message);
    }

    public TaskName TaskName { get; }

    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }
}
