namespace Workflow.Durable;

/// <summary>Options for scheduling an activity or a sub-orchestration.</summary>
public record TaskOptions(TaskRetryOptions? Retry = null)
{
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));

    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(Retry, instanceId);
}
