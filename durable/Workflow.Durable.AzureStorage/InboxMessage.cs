namespace Workflow.Durable.AzureStorage;

/// <summary>A message to an instance, stored durably as an inbox row in the instance's table partition.</summary>
internal sealed record InboxMessage(InboxMessageKind Kind)
{
    public string? Name { get; init; }

    public string? Data { get; init; }

    /// <summary>Start: the execution the client created; sub-orchestration completion: the parent execution it answers.</summary>
    public string? ExecutionId { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    public int TaskId { get; init; } = -1;

    public string? ChildInstanceId { get; init; }

    public TaskFailureDetails? Failure { get; init; }
}
