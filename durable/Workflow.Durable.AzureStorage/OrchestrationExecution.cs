using Microsoft.Extensions.Logging;

namespace Workflow.Durable.AzureStorage;

/// <summary>
/// A live orchestrator coroutine fed with history events. It is kept between episodes (so an episode only
/// applies the new events) and rebuilt by full replay when the instance is (re)loaded.
/// </summary>
internal sealed class OrchestrationExecution
{
    private readonly ReplaySynchronizationContext _sync = new();
    private readonly ITaskOrchestrator _orchestrator;
    private Task<object?>? _task;

    public OrchestrationExecution(ITaskOrchestrator orchestrator, TaskName name, string instanceId, ILoggerFactory loggerFactory)
    {
        _orchestrator = orchestrator;
        Context = new OrchestrationContextImpl(name, instanceId, loggerFactory);
    }

    public OrchestrationContextImpl Context { get; }

    public bool IsCompleted => _task?.IsCompleted ?? false;

    /// <summary>Applies one event; throws <see cref="NonDeterministicOrchestrationException"/> when replay diverges.</summary>
    public void Apply(HistoryEvent e, bool replaying)
    {
        Context.Replaying = replaying;
        switch (e.Type)
        {
            case HistoryEventType.OrchestratorStarted:
                Context.Now = e.Timestamp;
                break;
            case HistoryEventType.ExecutionStarted:
                Context.Input = e.Data;
                _sync.Run(Start, Context.ApplyCancellations);
                break;
            case HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated or HistoryEventType.SubOrchestrationCreated:
                Match(e);
                break;
            case HistoryEventType.TaskCompleted or HistoryEventType.SubOrchestrationCompleted or HistoryEventType.TimerFired:
                Resolve(e.Id, new TaskOutcome(e.Data, null));
                break;
            case HistoryEventType.TaskFailed or HistoryEventType.SubOrchestrationFailed:
                Resolve(e.Id, new TaskOutcome(null, e.Failure ?? new TaskFailureDetails("Unknown", "Task failed")));
                break;
            case HistoryEventType.EventRaised:
                _sync.Run(() => Context.DeliverEvent(e.Name ?? string.Empty, e.Data), Context.ApplyCancellations);
                break;
            default:
                break;
        }
    }

    /// <summary>Actions produced since the last call, in the order the orchestrator issued them.</summary>
    public List<OrchestratorAction> TakeNewActions()
    {
        if (Context.OpenActions.Count == 0)
        {
            return [];
        }

        var actions = Context.OpenActions.Values.OrderBy(a => a.Id).ToList();
        Context.OpenActions.Clear();
        return actions;
    }

    /// <summary>After replay every action must have been matched by a recorded event.</summary>
    public void EnsureNoUnmatchedActions(int historyLength)
    {
        if (Context.OpenActions.Count > 0)
        {
            var first = Context.OpenActions.Values.MinBy(a => a.Id)!;
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration: expected no further step (end of history, {historyLength} events), got {first.Describe()} (event {first.Id}).");
        }
    }

    /// <summary>The orchestrator's result once <see cref="IsCompleted"/>: output or failure.</summary>
    public (string? Output, TaskFailureDetails? Failure) GetResult()
    {
        if (_task is null || !_task.IsCompleted)
        {
            throw new InvalidOperationException("The orchestrator has not completed.");
        }

        if (_task.IsCompletedSuccessfully)
        {
            return (JsonDataConverter.Default.Serialize(_task.Result), null);
        }

        Exception failure = _task.Exception?.InnerException ?? (Exception?)_task.Exception ?? new TaskCanceledException();
        return (null, TaskFailureDetails.FromException(failure));
    }

    private void Start()
    {
        try
        {
            var input = JsonDataConverter.Default.Deserialize(Context.Input, _orchestrator.InputType);
            _task = _orchestrator.RunAsync(Context, input);
        }
#pragma warning disable CA1031 // Any exception from orchestrator code fails the orchestration, not the runtime.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _task = Task.FromException<object?>(ex);
        }
    }

    private void Match(HistoryEvent recorded)
    {
        var expectedKind = recorded.Type switch
        {
            HistoryEventType.TaskScheduled => ActionKind.CallActivity,
            HistoryEventType.TimerCreated => ActionKind.CreateTimer,
            _ => ActionKind.CallSubOrchestrator,
        };
        if (!Context.OpenActions.Remove(recorded.Id, out var action))
        {
            var produced = Context.OpenActions.Count == 0 ? "no step" : Context.OpenActions.Values.MinBy(a => a.Id)!.Describe();
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration: expected {OrchestratorAction.Describe(recorded)} (event {recorded.Id}), got {produced}.");
        }

        if (action.Kind != expectedKind || (expectedKind != ActionKind.CreateTimer && !string.Equals(action.Name, recorded.Name, StringComparison.Ordinal)))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration: expected {OrchestratorAction.Describe(recorded)} (event {recorded.Id}), got {action.Describe()}.");
        }
    }

    private void Resolve(int id, TaskOutcome outcome)
    {
        if (Context.OpenTasks.Remove(id, out var completion))
        {
            _sync.Run(() => completion.TrySetResult(outcome), Context.ApplyCancellations);
        }
    }
}
