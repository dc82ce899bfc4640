using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Workflow.Durable.AzureStorage;

/// <summary>
/// The client: every message to an instance is first an inbox row in the instance's table partition
/// (durable once the call returns; a retried insert is a 409, not a duplicate), then a wake-up to its owner,
/// in memory when the owner is this process, else on the partition's control queue.
/// </summary>
internal sealed class AzureStorageDurableTaskClient(TaskHub hub) : DurableTaskClient
{
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name, nameof(orchestratorName));
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        await CreateInstanceAsync(orchestratorName.Name, instanceId, JsonDataConverter.Default.Serialize(input), options?.StartAt, null, cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    /// <summary>
    /// Creates the state row and the start message in one transaction. An existing non-terminal instance is
    /// left alone (idempotent start); a terminal one is restarted as a new execution.
    /// </summary>
    internal async Task CreateInstanceAsync(
        string name, string instanceId, string? serializedInput, DateTimeOffset? startAt, (string InstanceId, string ExecutionId, int TaskId)? parent, CancellationToken cancellationToken)
    {
        TaskHub.ValidateInstanceId(instanceId);
        await hub.EnsureCreatedAsync().ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            // First attempt assumes a new instance (one round trip); a conflict makes us look.
            var existing = attempt == 0 ? null : await hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, TaskHub.StateRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            InstanceState? previous = null;
            if (existing is { HasValue: true, Value: not null })
            {
                previous = await InstanceState.ReadAsync(existing.Value, hub, withPayloads: false, cancellationToken).ConfigureAwait(false);
                if (!TaskHub.IsTerminal(previous.Status))
                {
                    return;
                }

                if (parent is { } p && previous.ParentInstanceId == p.InstanceId && previous.ParentExecutionId == p.ExecutionId && previous.ParentTaskId == p.TaskId)
                {
                    // This child already ran for this very call; the parent's reconciliation collects its result.
                    return;
                }
            }

            var now = hub.Time.GetUtcNow();
            var state = new InstanceState
            {
                InstanceId = instanceId,
                Name = name,
                ExecutionId = Guid.NewGuid().ToString("N"),
                Generation = previous is null ? 0 : previous.Generation + 1,
                NextSequence = 0,
                Partition = hub.PartitionOf(instanceId),
                Status = OrchestrationRuntimeStatus.Pending,
                CreatedAt = now,
                UpdatedAt = now,
                Input = serializedInput,
                ParentInstanceId = parent?.InstanceId,
                ParentExecutionId = parent?.ExecutionId,
                ParentTaskId = parent?.TaskId ?? -1,
                ETag = previous?.ETag ?? default,
            };
            var start = new InboxMessage(InboxMessageKind.Start) { ExecutionId = state.ExecutionId, StartAt = startAt };
            var startRow = await hub.CreateInboxRowAsync(instanceId, hub.NewInboxRowKey($"start-{state.ExecutionId}"), start, cancellationToken).ConfigureAwait(false);
            var stateRow = await state.ToEntityAsync(hub, cancellationToken).ConfigureAwait(false);
            List<TableTransactionAction> actions = previous is null
                ? [new(TableTransactionActionType.Add, stateRow), new(TableTransactionActionType.Add, startRow)]
                : [new(TableTransactionActionType.UpdateReplace, stateRow, previous.ETag), new(TableTransactionActionType.Add, startRow)];
            try
            {
                await hub.Instances.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (TableTransactionFailedException ex) when (TaskHub.IsConflict(ex) && attempt < 5)
            {
                // Created or changed concurrently: look again.
            }
        }

        await NotifyAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var state = await ReadStateAsync(instanceId, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
        return state?.ToMetadata(getInputsAndOutputs);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var message = new InboxMessage(InboxMessageKind.Event) { Name = eventName, Data = JsonDataConverter.Default.Serialize(eventPayload) };
        return SendAsync(instanceId, message, Guid.NewGuid().ToString("N"), cancellationToken);
    }

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
        => SendAsync(instanceId, new InboxMessage(InboxMessageKind.Terminate) { Data = JsonDataConverter.Default.Serialize(output) }, Guid.NewGuid().ToString("N"), cancellationToken);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
        => SendAsync(instanceId, new InboxMessage(InboxMessageKind.Suspend) { Data = reason }, Guid.NewGuid().ToString("N"), cancellationToken);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
        => SendAsync(instanceId, new InboxMessage(InboxMessageKind.Resume) { Data = reason }, Guid.NewGuid().ToString("N"), cancellationToken);

    /// <summary>Writes one inbox row (a repeated insert of the same row is ignored) and wakes the owner.</summary>
    internal async Task SendAsync(string instanceId, InboxMessage message, string messageId, CancellationToken cancellationToken)
    {
        TaskHub.ValidateInstanceId(instanceId);
        await hub.EnsureCreatedAsync().ConfigureAwait(false);
        var row = await hub.CreateInboxRowAsync(instanceId, hub.NewInboxRowKey(messageId), message, cancellationToken).ConfigureAwait(false);
        await InsertInboxRowAsync(row, cancellationToken).ConfigureAwait(false);
        await NotifyAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts an inbox row; a duplicate of a row already there is a no-op.</summary>
    internal async Task InsertInboxRowAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Instances.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Delivered before: at-least-once sending, exactly-once receiving.
        }
    }

    internal async Task NotifyAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (hub.LocalWorker?.TryNotify(instanceId) == true)
        {
            return;
        }

        await hub.ControlQueues[hub.PartitionOf(instanceId)].SendMessageAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await ReadStateAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
        if (state is null || !TaskHub.IsTerminal(state.Status))
        {
            return new PurgeResult(0);
        }

        var keys = new List<string>();
        await foreach (var row in hub.Instances.QueryAsync<TableEntity>($"PartitionKey eq '{TaskHub.Escape(instanceId)}'", select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }

        // The state row goes last and only if unchanged, so a concurrent restart is not half-deleted.
        foreach (var chunk in keys.Where(k => k != TaskHub.StateRowKey).Chunk(100))
        {
            await hub.Instances.SubmitTransactionAsync(
                chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, k), ETag.All)), cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await hub.Instances.DeleteEntityAsync(instanceId, TaskHub.StateRowKey, state.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (TaskHub.IsConflict(ex))
        {
            return new PurgeResult(0);
        }

        await hub.DeleteBlobsAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return new PurgeResult(1);
    }

    public override async Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await hub.EnsureCreatedAsync().ConfigureAwait(false);
        var filter = $"RowKey eq '{TaskHub.StateRowKey}'";
        if (query.Statuses is { Count: > 0 } statuses)
        {
            filter += " and (" + string.Join(" or ", statuses.Select(s => $"Status eq '{s}'")) + ")";
        }

        if (query.CreatedFrom is { } from)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CreatedAt ge {from}");
        }

        if (query.CreatedTo is { } to)
        {
            filter += " and " + TableClient.CreateQueryFilter($"CreatedAt le {to}");
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            var prefix = query.InstanceIdPrefix;
            var upper = prefix[..^1] + (char)(prefix[^1] + 1);
            filter += $" and PartitionKey ge '{TaskHub.Escape(prefix)}' and PartitionKey lt '{TaskHub.Escape(upper)}'";
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 1000);
        await foreach (var page in hub.Instances.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(query.ContinuationToken, pageSize).ConfigureAwait(false))
        {
            var items = new List<OrchestrationMetadata>(page.Values.Count);
            foreach (var row in page.Values)
            {
                var state = await InstanceState.ReadAsync(row, hub, query.FetchInputsAndOutputs, cancellationToken).ConfigureAwait(false);
                items.Add(state.ToMetadata(query.FetchInputsAndOutputs));
            }

            return new OrchestrationQueryResult(items, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new OrchestrationQueryResult([], null);
    }

    public override async Task<IReadOnlyList<OrchestrationHistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await ReadStateAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return [];
        }

        var prefix = TaskHub.HistoryPrefix(state.Generation);
        var filter = $"PartitionKey eq '{TaskHub.Escape(instanceId)}' and RowKey ge '{prefix}' and RowKey lt '{prefix[..^1]}.'";
        var result = new List<OrchestrationHistoryEvent>();
        await foreach (var row in hub.Instances.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            foreach (var e in await hub.ReadHistoryRowAsync(row, cancellationToken).ConfigureAwait(false))
            {
                result.Add(new OrchestrationHistoryEvent(
                    e.Type.ToString(),
                    new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc)),
                    e.Id,
                    e.Name ?? e.ChildInstanceId,
                    e.Failure is not null ? JsonSerializer.Serialize(e.Failure, HistoryEvent.Json)
                        : e.FireAt is { } fireAt ? JsonSerializer.Serialize(fireAt, HistoryEvent.Json)
                        : e.Data));
            }
        }

        return result;
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        // In-process completions arrive through the signal at once; polling is for other hosts.
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            // Subscribe before reading, so a completion between the read and the wait is not missed.
            var signal = hub.CompletionSignal(instanceId);
            var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            // Polling (real time) covers completions in other processes.
            await Task.WhenAny(signal, Task.Delay(delay, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
        }
    }

    private async Task<InstanceState?> ReadStateAsync(string instanceId, bool withPayloads, CancellationToken cancellationToken)
    {
        TaskHub.ValidateInstanceId(instanceId);
        await hub.EnsureCreatedAsync().ConfigureAwait(false);
        var row = await hub.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, TaskHub.StateRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? await InstanceState.ReadAsync(row.Value, hub, withPayloads, cancellationToken).ConfigureAwait(false) : null;
    }
}
