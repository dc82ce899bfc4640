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

    public TaskName TaskName { get; }

    public int TaskId { get; }

    public TaskFailureDetails FailureDetails { get; }
}
