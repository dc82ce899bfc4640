using Microsoft.Extensions.Logging;
using Workflow.Durable;
using Az = Microsoft.DurableTask;

namespace Workflow.Functions.Durable;

/// <summary>
/// Runs our orchestrators on Durable Functions: maps every member of the port (<see cref="TaskOrchestrationContext"/>)
/// onto the SDK's <see cref="Az.TaskOrchestrationContext"/>, translating names, options, retry policies and failures.
/// It adds no behaviour: timers, events, sub-orchestrations and replay are the SDK's.
/// </summary>
/// <remarks>
/// No <c>ConfigureAwait(false)</c> here: continuations must stay on the orchestrator's replay thread.
/// </remarks>
public sealed class FunctionsOrchestrationContext(Az.TaskOrchestrationContext inner, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    /// <summary>The SDK rejects a zero first retry interval; our port allows it, so it becomes the shortest wait the SDK accepts.</summary>
    private static readonly TimeSpan ShortestRetryInterval = TimeSpan.FromMilliseconds(1);

    public override TaskName Name => inner.Name.Name;

    public override string InstanceId => inner.InstanceId;

    public override bool IsReplaying => inner.IsReplaying;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T? GetInput<T>()
        where T : default
        => inner.GetInput<T>();

    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        try
        {
            return await inner.CallActivityAsync<TResult>(new Az.TaskName(name.Name), input, ToSdk(options));
        }
        catch (Az.TaskFailedException failure)
        {
            throw ToPort(failure);
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
        => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
        => inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        try
        {
            return await inner.CallSubOrchestratorAsync<TResult>(new Az.TaskName(orchestratorName.Name), input, ToSdk(options));
        }
        catch (Az.TaskFailedException failure)
        {
            throw ToPort(failure);
        }
    }

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
        => inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override Guid NewGuid() => inner.NewGuid();

    private static Az.TaskOptions? ToSdk(TaskOptions? options) => options switch
    {
        null => null,
        SubOrchestrationOptions sub => new Az.SubOrchestrationOptions(ToSdk(sub.Retry), sub.InstanceId),
        _ => new Az.TaskOptions(ToSdk(options.Retry)),
    };

    private static Az.TaskRetryOptions? ToSdk(TaskRetryOptions? retry)
    {
        if (retry is null)
        {
            return null;
        }

        var policy = retry.Policy;
        var first = policy.FirstRetryInterval < ShortestRetryInterval ? ShortestRetryInterval : policy.FirstRetryInterval;
        var max = policy.MaxRetryInterval < first ? first : policy.MaxRetryInterval;
        return new Az.TaskRetryOptions(new Az.RetryPolicy(policy.MaxNumberOfAttempts, first, policy.BackoffCoefficient, max));
    }

    private static TaskFailedException ToPort(Az.TaskFailedException failure)
        => new(failure.TaskName, failure.TaskId, ToPort(failure.FailureDetails));

    private static TaskFailureDetails ToPort(Az.TaskFailureDetails details)
        => new(details.ErrorType, details.ErrorMessage, details.StackTrace, details.InnerFailure is null ? null : ToPort(details.InnerFailure));
}
