using System.Collections.Concurrent;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflow.Durable.AzureStorage;

/// <summary>
/// The host side of the runtime: leases control partitions, receives notifications, runs episodes,
/// activities and timers for the instances of the partitions it owns.
/// </summary>
internal sealed class DurableTaskStorageWorker : IHostedService, IAsyncDisposable
{
    private const string LeasePartition = "leases";
    private const string WorkerPartition = "workers";

    private readonly ConcurrentDictionary<int, PartitionOwnership> _owned = new();
    private readonly Channel<ActivityWorkItem> _activities = Channel.CreateUnbounded<ActivityWorkItem>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly SemaphoreSlim _balance = new(1, 1);
    private readonly AzureStorageDurableTaskClient _client;
    private long _activityExecutions;

    public DurableTaskStorageWorker(
        TaskHub hub, DurableTaskRegistry registry, AzureStorageDurableTaskClient client, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Hub = hub;
        Registry = registry;
        _client = client;
        Services = services;
        LoggerFactory = loggerFactory;
        Logger = loggerFactory.CreateLogger<DurableTaskStorageWorker>();
        EpisodeGate = new SemaphoreSlim(hub.Options.MaxConcurrentOrchestrations);
        Timers = new TimerScheduler(hub.Time);
    }

    public TaskHub Hub { get; }

    public DurableTaskRegistry Registry { get; }

    public IServiceProvider Services { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ILogger Logger { get; }

    public DurableTaskStorageOptions Options => Hub.Options;

    public TimeProvider Time => Hub.Time;

    public SemaphoreSlim EpisodeGate { get; }

    public TimerScheduler Timers { get; }

    /// <summary>Activity executions that ran to the end (success or failure) in this worker.</summary>
    public long ActivityExecutions => Interlocked.Read(ref _activityExecutions);

    public IReadOnlyCollection<int> OwnedPartitions => [.. _owned.Keys];

    /// <summary>Test hook: called at each step of an episode; it may kill the runtime.</summary>
    internal Func<FaultPoint, string, Task>? FaultHook { get; set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Hub.EnsureCreatedAsync().ConfigureAwait(false);
        Hub.LocalWorker = this;
        await BalanceAsync(cancellationToken).ConfigureAwait(false);
        var stopping = _stopping.Token;
        _loops.Add(Task.Run(() => LoopAsync("leases", Options.LeaseRenewInterval, BalanceAsync, stopping), CancellationToken.None));
        _loops.Add(Task.Run(() => LoopAsync("sweep", Options.InboxSweepInterval, SweepAllAsync, stopping), CancellationToken.None));
        _loops.Add(Task.Run(() => PollQueuesAsync(stopping), CancellationToken.None));
        _loops.Add(Task.Run(() => Timers.RunAsync(stopping), CancellationToken.None));
        for (var i = 0; i < Options.MaxConcurrentActivities; i++)
        {
            _loops.Add(Task.Run(() => RunActivitiesAsync(stopping), CancellationToken.None));
        }

        Logger.WorkerStarted(Options.WorkerId, Options.TaskHubName, Options.PartitionCount);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _activities.Writer.TryComplete();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(Hub.LocalWorker, this))
        {
            Hub.LocalWorker = null;
        }

        if (Hub.Killed)
        {
            return;
        }

        foreach (var partition in _owned.Values.ToList())
        {
            await ReleaseAsync(partition, "shutdown", CancellationToken.None).ConfigureAwait(false);
        }

        try
        {
            await Hub.Leases.DeleteEntityAsync(WorkerPartition, Options.WorkerId, ETag.All, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Gone already; the heartbeat would expire anyway.
        }

        Logger.WorkerStopped(Options.WorkerId);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Timers.Dispose();
        _stopping.Dispose();
        _balance.Dispose();

        // EpisodeGate is not disposed: episodes still finishing after shutdown release it.
        foreach (var partition in _owned.Values)
        {
            partition.Dispose();
        }
    }

    /// <summary>Test hook: the process "dies" here; no further storage call succeeds, no lease is released.</summary>
    internal void Crash()
    {
        Hub.Killed = true;
        _stopping.Cancel();
        _activities.Writer.TryComplete();
        foreach (var partition in _owned.Values)
        {
            partition.Release();
        }
    }

    internal async Task InjectFaultAsync(FaultPoint point, string instanceId)
    {
        if (FaultHook is { } hook)
        {
            await hook(point, instanceId).ConfigureAwait(false);
        }

        if (Hub.Killed)
        {
            throw new SimulatedCrashException();
        }
    }

    /// <summary>Wakes the instance's runner when this host owns its partition.</summary>
    public bool TryNotify(string instanceId)
    {
        if (_owned.TryGetValue(Hub.PartitionOf(instanceId), out var partition) && !partition.Token.IsCancellationRequested && !Hub.Killed)
        {
            partition.GetRunner(this, instanceId).NotifyInbox();
            return true;
        }

        return false;
    }

    public bool TryPost(string instanceId, WorkItem item)
    {
        if (_owned.TryGetValue(Hub.PartitionOf(instanceId), out var partition) && !partition.Token.IsCancellationRequested && !Hub.Killed)
        {
            partition.GetRunner(this, instanceId).Post(item);
            return true;
        }

        return false;
    }

    public void DispatchActivity(InstanceRunner runner, string executionId, HistoryEvent scheduled)
        => _activities.Writer.TryWrite(new ActivityWorkItem(runner, executionId, scheduled.Id, scheduled.Name ?? string.Empty, scheduled.Data));

    /// <summary>Creates a child instance (idempotent); a failure here is repaired by the parent's reconciliation.</summary>
    public async Task StartChildAsync(InstanceState parent, HistoryEvent created)
    {
        try
        {
            await _client.CreateInstanceAsync(
                created.Name!, created.ChildInstanceId!, created.Data, null, (parent.InstanceId, parent.ExecutionId, created.Id), CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reconciliation retries it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Logger.SendFailed(created.ChildInstanceId!, ex);
        }
    }

    /// <summary>Wakes in-process waiters and reports the outcome to a parent orchestration.</summary>
    public async Task OnInstanceFinishedAsync(InstanceState state)
    {
        Hub.SignalCompleted(state.InstanceId);
        if (state.ParentInstanceId is not { } parentId || state.ParentExecutionId is null)
        {
            return;
        }

        var failure = state.Status == OrchestrationRuntimeStatus.Completed
            ? null
            : state.Failure ?? new TaskFailureDetails(state.Status.ToString(), $"Sub-orchestration '{state.InstanceId}' ended {state.Status}.");
        var item = new WorkItem(WorkKind.ChildResult)
        {
            ExecutionId = state.ParentExecutionId,
            TaskId = state.ParentTaskId,
            ChildInstanceId = state.InstanceId,
            Result = state.Output,
            Failure = failure,
        };

        // In memory when the parent is ours (a crash before its commit is repaired by its reconciliation).
        if (TryPost(parentId, item))
        {
            return;
        }

        try
        {
            var message = new InboxMessage(InboxMessageKind.SubOrchestrationCompleted)
            {
                ExecutionId = state.ParentExecutionId,
                TaskId = state.ParentTaskId,
                ChildInstanceId = state.InstanceId,
                Data = state.Output,
                Failure = failure,
            };
            await _client.SendAsync(parentId, message, $"sub-{state.InstanceId}-{state.ExecutionId}", CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reconciliation by the parent repairs a lost completion.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Logger.SendFailed(parentId, ex);
        }
    }

    /// <summary>Best-effort removal of rows nobody reads any more (old generations, orphan inbox rows).</summary>
    public async Task DeleteRowsAsync(string instanceId, IReadOnlyList<string> rowKeys)
    {
        try
        {
            foreach (var chunk in rowKeys.Chunk(100))
            {
                var actions = chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, rk), ETag.All)).ToList();
                await Hub.Instances.SubmitTransactionAsync(actions, _stopping.Token).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Garbage that stays is ignored by readers and retried on the next load.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Logger.LoopFailed("cleanup", ex);
        }
    }

    private async Task RunActivitiesAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var item in _activities.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                if (!item.Runner.Retired)
                {
                    await RunActivityAsync(item).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        catch (SimulatedCrashException)
        {
            // The simulated process is dead.
        }
    }

    private async Task RunActivityAsync(ActivityWorkItem item)
    {
        await InjectFaultAsync(FaultPoint.BeforeActivity, item.Runner.InstanceId).ConfigureAwait(false);
        string? result = null;
        TaskFailureDetails? failure = null;
        try
        {
            if (!Registry.Activities.TryGetValue(item.Name, out var factory))
            {
                throw new InvalidOperationException($"No activity named '{item.Name}' is registered.");
            }

            var scope = Services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var activity = factory(scope.ServiceProvider);
                var input = JsonDataConverter.Default.Deserialize(item.Input, activity.InputType);
                var output = await activity.RunAsync(new ActivityContext(item.Name, item.Runner.InstanceId), input).ConfigureAwait(false);
                result = JsonDataConverter.Default.Serialize(output);
            }
        }
#pragma warning disable CA1031 // An activity's exception is its result: the orchestrator sees TaskFailedException.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = TaskFailureDetails.FromException(ex);
        }

        Interlocked.Increment(ref _activityExecutions);
        DurableMetrics.Activities.Add(1);
        await InjectFaultAsync(FaultPoint.AfterActivity, item.Runner.InstanceId).ConfigureAwait(false);
        item.Runner.Post(new WorkItem(WorkKind.ActivityResult) { ExecutionId = item.ExecutionId, TaskId = item.TaskId, Result = result, Failure = failure });
    }

    private async Task LoopAsync(string name, TimeSpan interval, Func<CancellationToken, Task> body, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stopping).ConfigureAwait(false);
                await body(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SimulatedCrashException)
            {
                return;
            }
#pragma warning disable CA1031 // A background loop survives storage hiccups.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Logger.LoopFailed(name, ex);
            }
        }
    }

    /// <summary>
    /// Heartbeat, then each live worker aims at an equal share of partitions: renew own leases, release
    /// extras, take free or expired ones. Expiry is judged on the injected clock.
    /// </summary>
    private async Task BalanceAsync(CancellationToken cancellationToken)
    {
        await _balance.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = Time.GetUtcNow();
            var expires = now + Options.LeaseDuration;
            await Hub.Leases.UpsertEntityAsync(new TableEntity(WorkerPartition, Options.WorkerId) { ["ExpiresAt"] = expires }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            var alive = 0;
            await foreach (var worker in Hub.Leases.QueryAsync<TableEntity>($"PartitionKey eq '{WorkerPartition}'", cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (worker.RowKey == Options.WorkerId || worker.GetDateTimeOffset("ExpiresAt") > now)
                {
                    alive++;
                }
            }

            var target = (Options.PartitionCount + alive - 1) / Math.Max(1, alive);
            var leases = new Dictionary<string, TableEntity>();
            await foreach (var lease in Hub.Leases.QueryAsync<TableEntity>($"PartitionKey eq '{LeasePartition}'", cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                leases[lease.RowKey] = lease;
            }

            foreach (var partition in _owned.Values.ToList())
            {
                try
                {
                    var renewed = new TableEntity(LeasePartition, LeaseKey(partition.Index)) { ["Owner"] = Options.WorkerId, ["ExpiresAt"] = expires };
                    var response = await Hub.Leases.UpdateEntityAsync(renewed, partition.LeaseETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    partition.LeaseETag = response.Headers.ETag ?? default;
                }
                catch (RequestFailedException ex) when (TaskHub.IsConflict(ex))
                {
                    Drop(partition, "lease lost");
                }
            }

            foreach (var partition in _owned.Values.OrderByDescending(p => p.Index).Take(Math.Max(0, _owned.Count - target)).ToList())
            {
                await ReleaseAsync(partition, "rebalance", cancellationToken).ConfigureAwait(false);
            }

            for (var index = 0; index < Options.PartitionCount && _owned.Count < target; index++)
            {
                if (_owned.ContainsKey(index))
                {
                    continue;
                }

                var key = LeaseKey(index);
                var claim = new TableEntity(LeasePartition, key) { ["Owner"] = Options.WorkerId, ["ExpiresAt"] = expires };
                try
                {
                    Response response;
                    if (!leases.TryGetValue(key, out var lease))
                    {
                        response = await Hub.Leases.AddEntityAsync(claim, cancellationToken).ConfigureAwait(false);
                    }
                    else if (string.IsNullOrEmpty(lease.GetString("Owner")) || lease.GetDateTimeOffset("ExpiresAt") <= now || lease.GetString("Owner") == Options.WorkerId)
                    {
                        response = await Hub.Leases.UpdateEntityAsync(claim, lease.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        continue;
                    }

                    var partition = new PartitionOwnership(index, response.Headers.ETag ?? default);
                    _owned[index] = partition;
                    Logger.PartitionAcquired(index);
                    await SweepAsync(partition, includeNonTerminal: true, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (TaskHub.IsConflict(ex))
                {
                    // Another host was faster.
                }
            }
        }
        finally
        {
            _balance.Release();
        }
    }

    private static string LeaseKey(int index) => $"p{index:D2}";

    private void Drop(PartitionOwnership partition, string reason)
    {
        _owned.TryRemove(partition.Index, out _);
        partition.Release();
        Logger.PartitionReleased(partition.Index, reason);
    }

    private async Task ReleaseAsync(PartitionOwnership partition, string reason, CancellationToken cancellationToken)
    {
        Drop(partition, reason);
        try
        {
            var released = new TableEntity(LeasePartition, LeaseKey(partition.Index)) { ["Owner"] = string.Empty, ["ExpiresAt"] = Time.GetUtcNow() };
            await Hub.Leases.UpdateEntityAsync(released, partition.LeaseETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (TaskHub.IsConflict(ex))
        {
            // Someone took it meanwhile.
        }
    }

    private async Task SweepAllAsync(CancellationToken cancellationToken)
    {
        foreach (var partition in _owned.Values.ToList())
        {
            await SweepAsync(partition, includeNonTerminal: false, cancellationToken).ConfigureAwait(false);
            foreach (var runner in partition.Runners.Values.Where(r => r.HasOutstandingChildren))
            {
                runner.Post(new WorkItem(WorkKind.ReconcileChildren));
            }
        }
    }

    /// <summary>
    /// Finds the instances of a partition that need attention: pending inbox rows (a lost notification only
    /// delays) and, on acquisition, every non-terminal instance (to re-issue its unfinished work).
    /// </summary>
    private async Task SweepAsync(PartitionOwnership partition, bool includeNonTerminal, CancellationToken cancellationToken)
    {
        var instances = new HashSet<string>(StringComparer.Ordinal);
        if (includeNonTerminal)
        {
            var filter = $"RowKey eq '{TaskHub.StateRowKey}' and P eq {partition.Index} and (Status eq 'Running' or Status eq 'Pending' or Status eq 'Suspended')";
            await foreach (var row in Hub.Instances.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                instances.Add(row.PartitionKey);
            }
        }

        var inbox = $"RowKey ge '{TaskHub.InboxPrefix}' and RowKey lt '{TaskHub.InboxEnd}' and P eq {partition.Index}";
        await foreach (var row in Hub.Instances.QueryAsync<TableEntity>(inbox, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            instances.Add(row.PartitionKey);
        }

        foreach (var instanceId in instances)
        {
            if (partition.Token.IsCancellationRequested)
            {
                return;
            }

            partition.GetRunner(this, instanceId).NotifyInbox();
        }
    }

    /// <summary>Control-queue notifications from other processes; the inbox row is the message, this only wakes.</summary>
    private async Task PollQueuesAsync(CancellationToken stopping)
    {
        var delay = Options.MinPollingInterval;
        while (!stopping.IsCancellationRequested)
        {
            var received = 0;
            try
            {
                foreach (var partition in _owned.Values.ToList())
                {
                    var queue = Hub.ControlQueues[partition.Index];
                    var messages = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), stopping).ConfigureAwait(false);
                    foreach (var message in messages.Value)
                    {
                        received++;
                        var instanceId = message.Body.ToString();
                        if (message.DequeueCount > Options.MaxDeliveryAttempts || !IsValidInstanceId(instanceId) || Hub.PartitionOf(instanceId) != partition.Index)
                        {
                            Logger.QueueMessagePoisoned(message.DequeueCount, instanceId);
                            await Hub.PoisonQueue.SendMessageAsync(message.Body, cancellationToken: stopping).ConfigureAwait(false);
                        }
                        else
                        {
                            partition.GetRunner(this, instanceId).NotifyInbox();
                        }

                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stopping).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SimulatedCrashException)
            {
                return;
            }
#pragma warning disable CA1031 // Polling survives storage hiccups.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Logger.LoopFailed("queues", ex);
            }

            delay = received > 0 ? Options.MinPollingInterval : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Options.MaxPollingInterval.Ticks));
            if (received == 0)
            {
                try
                {
                    await Task.Delay(delay, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static bool IsValidInstanceId(string instanceId)
    {
        try
        {
            TaskHub.ValidateInstanceId(instanceId);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
