namespace Workflow.Durable.AzureStorage;

/// <summary>An in-memory message to an instance runner (results produced in this process).</summary>
internal sealed record WorkItem(WorkKind Kind)
{
    public string? ExecutionId { get; init; }

    public int TaskId { get; init; } = -1;

    public string? Result { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public string? ChildInstanceId { get; init; }
}
