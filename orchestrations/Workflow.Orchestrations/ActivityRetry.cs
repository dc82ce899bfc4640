namespace Workflow.Orchestrations;

/// <summary>Activities touch storage and e-mail, which fail transiently; retry with back-off before failing the step.</summary>
internal static class ActivityRetry
{
    public static TaskOptions Default { get; } =
        TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(2)));
}
