using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Workflow.Durable.AzureStorage;

/// <summary>
/// The in-memory owner of one instance on the host that leases its partition. It runs one episode at a
/// time: take every message available (inbox rows and in-process results), apply them to the cached
/// orchestrator, and commit history, state and consumed inbox rows in one entity-group transaction.
/// Any doubt (conflict, failure) drops the cache; the next episode reloads and replays from storage.
/// </summary>
internal sealed class InstanceRunner(DurableTaskStorageWorker worker, PartitionOwnership owner, string instanceId)
{
    // One transaction holds at most 100 entities: the state row, the history row and the deletions.
    private const int MaxDeletesPerEpisode = 96;

    private readonly ConcurrentQueue<WorkItem> _mailbox = new();
    private readonly List<WorkItem> _pending = [];
    private readonly List<WorkItem> _held = [];
    private readonly HashSet<(string ExecutionId, int TaskId)> _dispatched = [];
    private int _scheduled;
    private int _notifyVersion;
    private int _loadVersion;
    private volatile bool _inboxDirty;
    private volatile bool _retired;
    private bool _loaded;
    private bool _started;
    private InstanceState? _state;
    private List<HistoryEvent> _history = [];
    private Dictionary<int, HistoryEvent> _outstanding = [];
    private HashSet<string> _consumedMessages = new(StringComparer.Ordinal);
    private OrchestrationExecution? _execution;
    private string? _divergence;
    private List<TableEntity>? _loadedInbox;
    private int _failures;

    public string InstanceId => instanceId;

    public bool Retired => _retired;

    public bool HasOutstandingChildren { get; private set; }

    private TaskHub Hub => worker.Hub;

    /// <summary>A wake-up arrived while the load was reading, so rows inserted meanwhile may be missing from it.</summary>
    private bool LoadMissedNotifications => Volatile.Read(ref _notifyVersion) != _loadVersion;

    private bool HasWork => !_mailbox.IsEmpty || _inboxDirty || _pending.Count > 0 || (!_loaded && _loadedInbox is null);

    public void Post(WorkItem item)
    {
        if (_retired)
        {
            // This runner left the partition map; a fresh one (if the partition is still ours) takes over.
            worker.TryPost(instanceId, item);
            return;
        }

        _mailbox.Enqueue(item);
        Schedule();
    }

    /// <summary>New inbox rows may exist: read them in the next episode.</summary>
    public void NotifyInbox()
    {
        if (_retired)
        {
            worker.TryNotify(instanceId);
            return;
        }

        Interlocked.Increment(ref _notifyVersion);
        _inboxDirty = true;
        Schedule();
    }

    public void Retire() => _retired = true;

    /// <summary>Leaves the partition map before retiring, so later messages create a fresh runner.</summary>
    private void RetireAndRemove()
    {
        owner.Remove(this);
        _retired = true;
    }

    private void Schedule()
    {
        if (!_retired && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            _ = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var gate = worker.EpisodeGate;
        try
        {
            await gate.WaitAsync(owner.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Volatile.Write(ref _scheduled, 0);
            return;
        }

        try
        {
            while (!_retired && HasWork)
            {
                await RunOneEpisodeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
            Volatile.Write(ref _scheduled, 0);
            if (!_retired && (!_mailbox.IsEmpty || _inboxDirty))
            {
                Schedule();
            }
            else if (_retired && !owner.Token.IsCancellationRequested && !Hub.Killed)
            {
                // Messages that raced with retirement go to the runner that replaced this one.
                if (_inboxDirty)
                {
                    worker.TryNotify(instanceId);
                }

                while (_mailbox.TryDequeue(out var item))
                {
                    worker.TryPost(instanceId, item);
                }
            }
        }
    }

    private async Task RunOneEpisodeAsync()
    {
        try
        {
            await EpisodeAsync(owner.Token).ConfigureAwait(false);
            _failures = 0;
        }
        catch (Exception) when (_retired || owner.Token.IsCancellationRequested || Hub.Killed)
        {
            _retired = true;
        }
        catch (RequestFailedException ex) when (TaskHub.IsConflict(ex))
        {
            // Another writer got there first (or a row we consumed is gone): re-read, never overwrite.
            worker.Logger.EpisodeConflict(instanceId);
            Unload();
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: 0 or 408 or 429 or >= 500 } or TimeoutException or OperationCanceledException or HttpRequestException)
        {
            // Storage trouble is not the message's fault: retry without counting towards poison.
            worker.Logger.EpisodeFailed(instanceId, 0, ex);
            Unload();
            await Task.Delay(worker.Options.FailedEpisodeRetryDelay * 5).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _failures++;
            worker.Logger.EpisodeFailed(instanceId, _failures, ex);
            Unload();
            if (_failures >= worker.Options.MaxDeliveryAttempts)
            {
                await PoisonAsync(ex).ConfigureAwait(false);
                return;
            }

            await Task.Delay(worker.Options.FailedEpisodeRetryDelay * (1 << Math.Min(_failures, 6))).ConfigureAwait(false);
        }
    }

    private void Unload()
    {
        _loaded = false;
        _execution = null;
        _loadedInbox = null;
        _inboxDirty = true;
    }

    private async Task EpisodeAsync(CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            await LoadAsync(cancellationToken).ConfigureAwait(false);
        }

        while (_mailbox.TryDequeue(out var item))
        {
            _pending.Add(item);
        }

        if (_state is null)
        {
            await DropOrphanInboxAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_pending.RemoveAll(i => i.Kind == WorkKind.ReconcileChildren) > 0)
        {
            await ReconcileChildrenAsync(cancellationToken).ConfigureAwait(false);
            while (_mailbox.TryDequeue(out var item))
            {
                _pending.Add(item);
            }
        }

        List<TableEntity> inboxRows = [];
        if (_loadedInbox is not null)
        {
            inboxRows = _loadedInbox;
            _loadedInbox = null;
            _inboxDirty = LoadMissedNotifications;
        }
        else if (_inboxDirty)
        {
            _inboxDirty = false;
            inboxRows = await ReadInboxAsync(cancellationToken).ConfigureAwait(false);
        }

        var state = _state;
        var now = worker.Time.GetUtcNow().UtcDateTime;
        var status = state.Status;
        var terminal = TaskHub.IsTerminal(status);
        var started = _started;
        var inputs = new List<HistoryEvent>();
        var consumed = new List<TableEntity>();
        var leftInInbox = false;
        var moreInbox = false;

        foreach (var row in inboxRows)
        {
            if (consumed.Count >= MaxDeletesPerEpisode)
            {
                moreInbox = true;
                break;
            }

            var message = await Hub.ReadInboxMessageAsync(row, cancellationToken).ConfigureAwait(false);
            if (_consumedMessages.Contains(row.RowKey))
            {
                // A copy of a message this execution already consumed (a sender's retry after success).
                consumed.Add(row);
                continue;
            }

            switch (message.Kind)
            {
                case InboxMessageKind.Start:
                    if (status == OrchestrationRuntimeStatus.Pending && !started && message.ExecutionId == state.ExecutionId)
                    {
                        if (message.StartAt is { } startAt && startAt.UtcDateTime > now)
                        {
                            worker.Timers.Schedule(this, state.ExecutionId, -1, startAt.UtcDateTime);
                            leftInInbox = true;
                            continue;
                        }

                        inputs.Add(new HistoryEvent(HistoryEventType.ExecutionStarted, now) { Name = state.Name, Data = state.Input });
                        started = true;
                        status = OrchestrationRuntimeStatus.Running;
                    }

                    consumed.Add(row);
                    break;
                case InboxMessageKind.Event:
                    if (terminal)
                    {
                        consumed.Add(row);
                    }
                    else if (!started || status == OrchestrationRuntimeStatus.Suspended)
                    {
                        leftInInbox = true;
                    }
                    else
                    {
                        inputs.Add(new HistoryEvent(HistoryEventType.EventRaised, now) { Name = message.Name, Data = message.Data, MessageId = row.RowKey });
                        consumed.Add(row);
                    }

                    break;
                case InboxMessageKind.Terminate:
                    if (!terminal)
                    {
                        inputs.Add(new HistoryEvent(HistoryEventType.ExecutionTerminated, now) { Data = message.Data, MessageId = row.RowKey });
                        terminal = true;
                        status = OrchestrationRuntimeStatus.Terminated;
                    }

                    consumed.Add(row);
                    break;
                case InboxMessageKind.Suspend:
                    if (status == OrchestrationRuntimeStatus.Running)
                    {
                        inputs.Add(new HistoryEvent(HistoryEventType.ExecutionSuspended, now) { Data = message.Data, MessageId = row.RowKey });
                        status = OrchestrationRuntimeStatus.Suspended;
                    }

                    consumed.Add(row);
                    break;
                case InboxMessageKind.Resume:
                    if (status == OrchestrationRuntimeStatus.Suspended)
                    {
                        inputs.Add(new HistoryEvent(HistoryEventType.ExecutionResumed, now) { Data = message.Data, MessageId = row.RowKey });
                        status = OrchestrationRuntimeStatus.Running;
                    }

                    consumed.Add(row);
                    break;
                case InboxMessageKind.SubOrchestrationCompleted:
                    if (!terminal && (!started || status == OrchestrationRuntimeStatus.Suspended))
                    {
                        leftInInbox = true;
                        break;
                    }

                    if (!terminal && TakeChildCompletion(message.ExecutionId, message.TaskId, message.ChildInstanceId, message.Data, message.Failure, now) is { } completion)
                    {
                        inputs.Add(completion with { MessageId = row.RowKey });
                    }

                    consumed.Add(row);
                    break;
                default:
                    throw new InvalidDataException($"Unknown inbox message kind {message.Kind}.");
            }
        }

        var held = new List<WorkItem>();
        var rearm = new List<HistoryEvent>();
        if (!terminal)
        {
            foreach (var item in _pending)
            {
                if (item.Kind == WorkKind.TimerDue && item.TaskId == -1)
                {
                    // A delayed start fell due: look at the inbox again.
                    moreInbox = true;
                    continue;
                }

                if (status == OrchestrationRuntimeStatus.Suspended || !started)
                {
                    held.Add(item);
                    continue;
                }

                if (item.ExecutionId != state.ExecutionId)
                {
                    continue;
                }

                switch (item.Kind)
                {
                    case WorkKind.ActivityResult when _outstanding.TryGetValue(item.TaskId, out var scheduled) && scheduled.Type == HistoryEventType.TaskScheduled:
                        _outstanding.Remove(item.TaskId);
                        inputs.Add(item.Failure is null
                            ? new HistoryEvent(HistoryEventType.TaskCompleted, now) { Id = item.TaskId, Name = scheduled.Name, Data = item.Result }
                            : new HistoryEvent(HistoryEventType.TaskFailed, now) { Id = item.TaskId, Name = scheduled.Name, Failure = item.Failure });
                        break;
                    case WorkKind.TimerDue when _outstanding.TryGetValue(item.TaskId, out var timer) && timer.Type == HistoryEventType.TimerCreated:
                        // A timer never fires before its due instant, whatever woke us.
                        if (now >= timer.FireAt)
                        {
                            _outstanding.Remove(item.TaskId);
                            inputs.Add(new HistoryEvent(HistoryEventType.TimerFired, now) { Id = item.TaskId, FireAt = timer.FireAt });
                        }
                        else
                        {
                            rearm.Add(timer);
                        }

                        break;
                    case WorkKind.ChildResult when TakeChildCompletion(item.ExecutionId, item.TaskId, item.ChildInstanceId, item.Result, item.Failure, now) is { } completion:
                        inputs.Add(completion);
                        break;
                    default:
                        break;
                }
            }
        }

        foreach (var timer in rearm)
        {
            worker.Timers.Schedule(this, state.ExecutionId, timer.Id, timer.FireAt!.Value);
        }

        if (inputs.Count == 0 && consumed.Count == 0 && _divergence is null)
        {
            FinishEpisode(held, leftInInbox, moreInbox, status);
            if (terminal && !_inboxDirty)
            {
                RetireAndRemove();
            }

            return;
        }

        await CommitEpisodeAsync(state, now, inputs, consumed, held, status, leftInInbox, moreInbox, cancellationToken).ConfigureAwait(false);
    }

    private HistoryEvent? TakeChildCompletion(string? executionId, int taskId, string? childInstanceId, string? result, TaskFailureDetails? failure, DateTime now)
    {
        if (executionId != _state!.ExecutionId
            || !_outstanding.TryGetValue(taskId, out var created)
            || created.Type != HistoryEventType.SubOrchestrationCreated
            || created.ChildInstanceId != childInstanceId)
        {
            return null;
        }

        _outstanding.Remove(taskId);
        return failure is null
            ? new HistoryEvent(HistoryEventType.SubOrchestrationCompleted, now) { Id = taskId, Name = created.Name, Data = result, ChildInstanceId = childInstanceId }
            : new HistoryEvent(HistoryEventType.SubOrchestrationFailed, now) { Id = taskId, Name = created.Name, Failure = failure, ChildInstanceId = childInstanceId };
    }

    private async Task CommitEpisodeAsync(
        InstanceState state, DateTime now, List<HistoryEvent> inputs, List<TableEntity> consumed, List<WorkItem> held,
        OrchestrationRuntimeStatus status, bool leftInInbox, bool moreInbox, CancellationToken cancellationToken)
    {
        var events = new List<HistoryEvent> { new(HistoryEventType.OrchestratorStarted, now) };
        var execution = _execution;
        var next = new InstanceState
        {
            InstanceId = state.InstanceId,
            Name = state.Name,
            ExecutionId = state.ExecutionId,
            Generation = state.Generation,
            NextSequence = state.NextSequence,
            Partition = state.Partition,
            Status = status,
            CreatedAt = state.CreatedAt,
            UpdatedAt = now,
            Input = state.Input,
            Output = state.Output,
            CustomStatus = state.CustomStatus,
            Failure = state.Failure,
            ParentInstanceId = state.ParentInstanceId,
            ParentExecutionId = state.ParentExecutionId,
            ParentTaskId = state.ParentTaskId,
            ETag = state.ETag,
        }.CopyBlobsFrom(state);
        var oldHistoryRows = 0;
        var continued = false;
        var wasSuspended = state.Status == OrchestrationRuntimeStatus.Suspended;

        if (_divergence is { } divergence)
        {
            worker.Logger.NonDeterminism(instanceId, divergence);
            execution = null;
            next.Status = OrchestrationRuntimeStatus.Failed;
            next.Failure = new TaskFailureDetails(nameof(NonDeterministicOrchestrationException), divergence);
            events.Add(new HistoryEvent(HistoryEventType.ExecutionCompleted, now) { Status = next.Status, Failure = next.Failure });
        }
        else
        {
            execution?.Apply(events[0], replaying: false);
            foreach (var e in inputs)
            {
                events.Add(e);
                switch (e.Type)
                {
                    case HistoryEventType.ExecutionStarted:
                        execution = StartExecution(next, now, e, events);
                        break;
                    case HistoryEventType.ExecutionTerminated:
                        execution = null;
                        next.Output = e.Data;
                        break;
                    case HistoryEventType.ExecutionSuspended or HistoryEventType.ExecutionResumed:
                        break;
                    default:
                        execution?.Apply(e, replaying: false);
                        break;
                }
            }

            for (var round = 0; execution is not null && !TaskHub.IsTerminal(next.Status); round++)
            {
                foreach (var action in execution.TakeNewActions())
                {
                    var scheduled = action.ToHistoryEvent(now);
                    events.Add(scheduled);
                    _outstanding[scheduled.Id] = scheduled;
                }

                next.CustomStatus = execution.Context.CustomStatus;
                if (!execution.IsCompleted)
                {
                    break;
                }

                if (!execution.Context.HasContinueAsNew || round > 100)
                {
                    var (output, failure) = execution.GetResult();
                    next.Status = failure is null ? OrchestrationRuntimeStatus.Completed : OrchestrationRuntimeStatus.Failed;
                    next.Output = output;
                    next.Failure = failure;
                    events.Add(new HistoryEvent(HistoryEventType.ExecutionCompleted, now) { Status = next.Status, Data = output, Failure = failure });
                    break;
                }

                // ContinueAsNew: a new execution and generation; the old history rows go in this same batch.
                var carried = execution.Context.PreserveUnprocessedEvents ? execution.Context.UnprocessedEvents.ToList() : [];
                oldHistoryRows = round == 0 ? state.NextSequence : oldHistoryRows;
                continued = true;
                next.Generation++;
                next.NextSequence = 0;
                next.ExecutionId = Guid.NewGuid().ToString("N");
                next.Input = execution.Context.ContinueAsNewInput;
                _outstanding.Clear();
                events.Clear();
                events.Add(new HistoryEvent(HistoryEventType.OrchestratorStarted, now));
                var restart = new HistoryEvent(HistoryEventType.ExecutionStarted, now) { Name = next.Name, Data = next.Input };
                events.Add(restart);
                execution = StartExecution(next, now, restart, events);
                foreach (var (name, data) in carried)
                {
                    var raised = new HistoryEvent(HistoryEventType.EventRaised, now) { Name = name, Data = data };
                    events.Add(raised);
                    execution?.Apply(raised, replaying: false);
                }
            }
        }

        var writesHistory = events.Count > 1;
        TableEntity? historyRow = null;
        if (writesHistory)
        {
            historyRow = await Hub.CreateHistoryRowAsync(instanceId, next.Generation, next.NextSequence, events, cancellationToken).ConfigureAwait(false);
            next.NextSequence++;
        }
        else
        {
            // Only dropped duplicates: the instance did not change.
            next.UpdatedAt = state.UpdatedAt;
        }

        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, await next.ToEntityAsync(Hub, cancellationToken).ConfigureAwait(false), state.ETag),
        };
        if (historyRow is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, historyRow));
        }

        actions.AddRange(consumed.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)));
        var oldGenerationLeft = new List<int>();
        for (var s = 0; s < oldHistoryRows; s++)
        {
            if (actions.Count < 100)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, TaskHub.HistoryRowKey(state.Generation, s)), ETag.All));
            }
            else
            {
                oldGenerationLeft.Add(s);
            }
        }

        await worker.InjectFaultAsync(FaultPoint.BeforeCommit, instanceId).ConfigureAwait(false);
        var response = await Hub.Instances.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        var committedAt = worker.Time.GetUtcNow().UtcDateTime;
        DurableMetrics.Episodes.Add(1);
        next.ETag = response.Value[0].Headers.ETag ?? default;
        await worker.InjectFaultAsync(FaultPoint.AfterCommit, instanceId).ConfigureAwait(false);

        // Committed: the memory now follows storage.
        _state = next;
        _started = _started || events.Any(e => e.Type == HistoryEventType.ExecutionStarted);
        if (continued)
        {
            _history = [.. events];
            _dispatched.Clear();
            _consumedMessages.Clear();
        }
        else if (writesHistory)
        {
            _history.AddRange(events);
        }

        foreach (var e in events.Where(e => e.MessageId is not null))
        {
            _consumedMessages.Add(e.MessageId!);
        }

        _execution = TaskHub.IsTerminal(next.Status) ? null : execution;
        _divergence = null;
        if (next.ETag == default)
        {
            Unload();
        }

        worker.Logger.EpisodeCommitted(instanceId, events.Count, next.Status);
        foreach (var e in events)
        {
            if (e.Type == HistoryEventType.TimerFired && e.FireAt is { } fireAt)
            {
                DurableMetrics.TimerLateness.Record((committedAt - fireAt).TotalMilliseconds);
            }
        }

        if (oldGenerationLeft.Count > 0)
        {
            _ = worker.DeleteRowsAsync(instanceId, oldGenerationLeft.Select(s => TaskHub.HistoryRowKey(state.Generation, s)).ToList());
        }

        Dispatch(next, events);
        await worker.InjectFaultAsync(FaultPoint.AfterSend, instanceId).ConfigureAwait(false);

        if (wasSuspended && next.Status == OrchestrationRuntimeStatus.Running)
        {
            foreach (var item in _held)
            {
                _mailbox.Enqueue(item);
            }

            _held.Clear();
        }

        FinishEpisode(held, leftInInbox, moreInbox, next.Status);
        if (TaskHub.IsTerminal(next.Status))
        {
            worker.Logger.InstanceFinished(instanceId, next.Status);
            RetireAndRemove();
            await worker.OnInstanceFinishedAsync(next).ConfigureAwait(false);
        }
    }

    private OrchestrationExecution? StartExecution(InstanceState next, DateTime now, HistoryEvent started, List<HistoryEvent> events)
    {
        if (!worker.Registry.Orchestrators.TryGetValue(next.Name, out var factory))
        {
            next.Status = OrchestrationRuntimeStatus.Failed;
            next.Failure = new TaskFailureDetails(nameof(InvalidOperationException), $"No orchestrator named '{next.Name}' is registered.");
            events.Add(new HistoryEvent(HistoryEventType.ExecutionCompleted, now) { Status = next.Status, Failure = next.Failure });
            return null;
        }

        var execution = new OrchestrationExecution(factory(worker.Services), next.Name, instanceId, worker.LoggerFactory);
        execution.Apply(new HistoryEvent(HistoryEventType.OrchestratorStarted, now), replaying: false);
        execution.Apply(started, replaying: false);
        return execution;
    }

    private void FinishEpisode(List<WorkItem> held, bool leftInInbox, bool moreInbox, OrchestrationRuntimeStatus status)
    {
        _pending.Clear();
        _held.AddRange(held);
        if (moreInbox || (leftInInbox && status == OrchestrationRuntimeStatus.Running))
        {
            _inboxDirty = true;
        }
    }

    /// <summary>Hands the work an episode recorded to the activity pool, the timer scheduler and child instances.</summary>
    private void Dispatch(InstanceState state, IEnumerable<HistoryEvent> events)
    {
        if (TaskHub.IsTerminal(state.Status))
        {
            return;
        }

        foreach (var e in events)
        {
            switch (e.Type)
            {
                case HistoryEventType.TaskScheduled when _dispatched.Add((state.ExecutionId, e.Id)):
                    worker.DispatchActivity(this, state.ExecutionId, e);
                    break;
                case HistoryEventType.TimerCreated:
                    worker.Timers.Schedule(this, state.ExecutionId, e.Id, e.FireAt!.Value);
                    break;
                case HistoryEventType.SubOrchestrationCreated when _dispatched.Add((state.ExecutionId, e.Id)):
                    HasOutstandingChildren = true;
                    _ = worker.StartChildAsync(state, e);
                    break;
                default:
                    break;
            }
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _loadVersion = Volatile.Read(ref _notifyVersion);
        var filter = $"PartitionKey eq '{TaskHub.Escape(instanceId)}'";
        var rows = new List<TableEntity>();
        await foreach (var row in Hub.Instances.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        _execution = null;
        _divergence = null;
        _outstanding = [];
        _history = [];
        _started = false;
        _loadedInbox = [.. rows.Where(r => r.RowKey.StartsWith(TaskHub.InboxPrefix, StringComparison.Ordinal)).OrderBy(r => r.RowKey, StringComparer.Ordinal)];
        var stateRow = rows.FirstOrDefault(r => r.RowKey == TaskHub.StateRowKey);
        _state = stateRow is null ? null : await InstanceState.ReadAsync(stateRow, Hub, withPayloads: true, cancellationToken).ConfigureAwait(false);
        _loaded = true;
        if (_state is null)
        {
            return;
        }

        var prefix = TaskHub.HistoryPrefix(_state.Generation);
        var stale = new List<string>();
        foreach (var row in rows.Where(r => r.RowKey.StartsWith('h')).OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            if (row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                _history.AddRange(await Hub.ReadHistoryRowAsync(row, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                stale.Add(row.RowKey);
            }
        }

        if (stale.Count > 0)
        {
            _ = worker.DeleteRowsAsync(instanceId, stale);
        }

        _consumedMessages = new HashSet<string>(_history.Where(e => e.MessageId is not null).Select(e => e.MessageId!), StringComparer.Ordinal);
        foreach (var e in _history)
        {
            if (e.IsScheduling)
            {
                _outstanding[e.Id] = e;
            }
            else if (e.IsCompletion)
            {
                _outstanding.Remove(e.Id);
            }
        }

        _started = _history.Any(e => e.Type == HistoryEventType.ExecutionStarted);
        if (TaskHub.IsTerminal(_state.Status) || !_started)
        {
            _outstanding.Clear();
            return;
        }

        if (!worker.Registry.Orchestrators.TryGetValue(_state.Name, out var factory))
        {
            _divergence = $"No orchestrator named '{_state.Name}' is registered.";
            return;
        }

        var execution = new OrchestrationExecution(factory(worker.Services), _state.Name, instanceId, worker.LoggerFactory);
        try
        {
            foreach (var e in _history)
            {
                execution.Apply(e, replaying: true);
            }

            execution.EnsureNoUnmatchedActions(_history.Count);
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            _divergence = ex.Message;
            return;
        }

        _execution = execution;

        // Work recorded but not finished (activities, timers, children) is re-issued: that is the recovery.
        Dispatch(_state, _outstanding.Values.OrderBy(e => e.Id).ToList());
        HasOutstandingChildren = _outstanding.Values.Any(e => e.Type == HistoryEventType.SubOrchestrationCreated);
        if (HasOutstandingChildren)
        {
            _mailbox.Enqueue(new WorkItem(WorkKind.ReconcileChildren));
        }
    }

    private async Task<List<TableEntity>> ReadInboxAsync(CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{TaskHub.Escape(instanceId)}' and RowKey ge '{TaskHub.InboxPrefix}' and RowKey lt '{TaskHub.InboxEnd}'";
        await foreach (var page in Hub.Instances.QueryAsync<TableEntity>(filter, maxPerPage: 200, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            return [.. page.Values];
        }

        return [];
    }

    /// <summary>Messages to an instance that does not exist are dropped.</summary>
    private async Task DropOrphanInboxAsync(CancellationToken cancellationToken)
    {
        // Only rows read in the same query that found no state row are orphans: the state row and a start
        // message are inserted together, so that snapshot cannot hold the start of a new instance.
        if (_loadedInbox is not { } rows)
        {
            Unload();
            return;
        }

        _loadedInbox = null;
        _inboxDirty = LoadMissedNotifications;
        _pending.Clear();
        if (rows.Count > 0)
        {
            await worker.DeleteRowsAsync(instanceId, rows.Select(r => r.RowKey).ToList()).ConfigureAwait(false);
        }

        RetireAndRemove();
    }

    /// <summary>Recovers a lost child start or a lost child completion by looking at the children's state rows.</summary>
    private async Task ReconcileChildrenAsync(CancellationToken cancellationToken)
    {
        var state = _state!;
        var children = _outstanding.Values.Where(e => e.Type == HistoryEventType.SubOrchestrationCreated).ToList();
        HasOutstandingChildren = children.Count > 0;
        foreach (var created in children)
        {
            var child = await Hub.Instances.GetEntityIfExistsAsync<TableEntity>(created.ChildInstanceId!, TaskHub.StateRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!child.HasValue || child.Value is null)
            {
                await worker.StartChildAsync(state, created).ConfigureAwait(false);
                continue;
            }

            var childState = await InstanceState.ReadAsync(child.Value, Hub, withPayloads: true, cancellationToken).ConfigureAwait(false);
            if (TaskHub.IsTerminal(childState.Status) && childState.ParentInstanceId == instanceId
                && childState.ParentExecutionId == state.ExecutionId && childState.ParentTaskId == created.Id)
            {
                _mailbox.Enqueue(new WorkItem(WorkKind.ChildResult)
                {
                    ExecutionId = state.ExecutionId,
                    TaskId = created.Id,
                    ChildInstanceId = created.ChildInstanceId,
                    Result = childState.Output,
                    Failure = childState.Status == OrchestrationRuntimeStatus.Completed ? null : childState.Failure ?? new TaskFailureDetails(childState.Status.ToString(), $"Sub-orchestration ended {childState.Status}."),
                });
            }
        }
    }

    /// <summary>After repeated failures: park the messages in the poison table and fail the instance with the reason.</summary>
    private async Task PoisonAsync(Exception cause)
    {
        var reason = $"Moved aside after {_failures} failed attempts: {cause.GetType().Name}: {cause.Message}";
        try
        {
            var cancellationToken = owner.Token;
            var rows = await ReadInboxAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows.Take(MaxDeletesPerEpisode))
            {
                var parked = new TableEntity(row) { ["Reason"] = reason[..Math.Min(reason.Length, 8_000)] };
                await Hub.Poison.UpsertEntityAsync(parked, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            var stateRow = await Hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, TaskHub.StateRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var actions = rows.Take(MaxDeletesPerEpisode).Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)).ToList();
            InstanceState? failed = null;
            if (stateRow.HasValue && stateRow.Value is not null)
            {
                failed = await InstanceState.ReadAsync(stateRow.Value, Hub, withPayloads: true, cancellationToken).ConfigureAwait(false);
                if (!TaskHub.IsTerminal(failed.Status))
                {
                    var now = worker.Time.GetUtcNow().UtcDateTime;
                    failed.Status = OrchestrationRuntimeStatus.Failed;
                    failed.Failure = new TaskFailureDetails("PoisonMessage", reason);
                    failed.UpdatedAt = now;
                    HistoryEvent[] events = [new(HistoryEventType.OrchestratorStarted, now), new(HistoryEventType.ExecutionCompleted, now) { Status = failed.Status, Failure = failed.Failure }];
                    actions.Add(new TableTransactionAction(
                        TableTransactionActionType.Add,
                        await Hub.CreateHistoryRowAsync(instanceId, failed.Generation, failed.NextSequence, events, cancellationToken).ConfigureAwait(false)));
                    failed.NextSequence++;
                    actions.Insert(0, new TableTransactionAction(TableTransactionActionType.UpdateReplace, await failed.ToEntityAsync(Hub, cancellationToken).ConfigureAwait(false), failed.ETag));
                }
                else
                {
                    failed = null;
                }
            }

            if (actions.Count > 0)
            {
                await Hub.Instances.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }

            worker.Logger.InstancePoisoned(instanceId, reason);
            _failures = 0;
            RetireAndRemove();
            if (failed is not null)
            {
                await worker.OnInstanceFinishedAsync(failed).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The next delivery retries; the runner must not die here.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            worker.Logger.EpisodeFailed(instanceId, _failures, ex);
        }
    }
}
