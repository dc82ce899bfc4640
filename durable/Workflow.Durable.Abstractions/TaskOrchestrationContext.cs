using Microsoft.Extensions.Logging;

namespace Workflow.Durable;

/// <summary>
/// What orchestrator code may use. Everything here is deterministic under replay; anything else
/// (wall clock, random, I/O, threads) belongs in an activity.
/// </summary>
public abstract class TaskOrchestrationContext
{
    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>True while the orchestrator re-executes events already recorded in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The time of the episode being (re)played, in UTC; never the wall clock.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    protected abstract ILoggerFactory LoggerFactory { get; }

    public abstract T? GetInput<T>();

    public virtual Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null)
        => CallActivityAsync<object?>(name, input, options);

    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    /// <summary>A durable timer; it fires at or after <paramref name="fireAt"/>, never before.</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Waits for an event raised by a client; events that arrived earlier are buffered, FIFO per name.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an event or throws <see cref="TimeoutException"/> after a durable timer of <paramref name="timeout"/>.</summary>
    public virtual async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var cancelTimer = new CancellationTokenSource();
        using var cancelWait = new CancellationTokenSource();
        var timer = CreateTimer(timeout, cancelTimer.Token);
        var wait = WaitForExternalEvent<T>(eventName, cancelWait.Token);
        var winner = await Task.WhenAny(wait, timer);
        // Cancel(), not CancelAsync(): callbacks must run on the replay thread, synchronously.
        if (winner == wait)
        {
            cancelTimer.Cancel();
            return await wait;
        }

        cancelWait.Cancel();
        throw new TimeoutException($"Event '{eventName}' did not arrive within {timeout}.");
    }

    public virtual Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
        => CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>A small JSON-serializable progress object, visible to operators.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Restarts the orchestration with new input and an empty history once the orchestrator returns.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes only when the orchestrator is not replaying.</summary>
    public ILogger CreateReplaySafeLogger(string categoryName)
        => new ReplaySafeLogger(this, LoggerFactory.CreateLogger(categoryName));

    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}
