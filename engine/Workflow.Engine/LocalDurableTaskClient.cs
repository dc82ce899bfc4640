using System.Globalization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Core = DurableTask.Core;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;

namespace Workflow.Engine;

/// <summary>
/// The SDK's client, locally: the same abstract <see cref="DurableTaskClient"/> the API's handlers get bound in
/// Functions, over DTFx's Azure Storage service. Payloads go through the SDK's JSON converter, as the worker's shims
/// read them.
/// </summary>
public sealed class LocalDurableTaskClient(AzureStorageOrchestrationService service) : DurableTaskClient("local")
{
    private static readonly DataConverter Converter = JsonDataConverter.Default;

    /// <summary>A live instance is never silently restarted by a second start under its id.</summary>
    private static readonly Core.OrchestrationStatus[] LiveStatuses =
        [Core.OrchestrationStatus.Pending, Core.OrchestrationStatus.Running, Core.OrchestrationStatus.Suspended];

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var started = new ExecutionStartedEvent(-1, Converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
            Tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value) ?? [],
        };
        await service.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, LiveStatuses).ConfigureAwait(false);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new EventRaisedEvent(-1, Converter.Serialize(eventPayload)) { Name = eventName }, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return service.ForceTerminateTaskOrchestrationAsync(instanceId, Converter.Serialize(options?.Output));
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        IList<Core.OrchestrationState> states;
        try
        {
            states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex.InnerException is Azure.RequestFailedException { ErrorCode: "BlobNotFound" } && !cancellation.IsCancellationRequested)
        {
            // While an instance continues as new, its row may still name the previous execution's input blob, already
            // deleted; the next read sees the new execution.
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation).ConfigureAwait(false);
            states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false).ConfigureAwait(false);
        }

        // Azure Storage answers an unknown id with a list holding null.
        return states?.FirstOrDefault(s => s is not null) is { } state ? ToMetadata(state, getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => Enum.Parse<Core.OrchestrationStatus>(s.ToString())).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await service.GetOrchestrationWithQueryAsync(query, cancellation).ConfigureAwait(false);
            return new Page<OrchestrationMetadata>([.. result.OrchestrationState.Select(s => ToMetadata(s, query.FetchInputsAndOutputs))], result.ContinuationToken);
        });

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false) is { RuntimeStatus: not OrchestrationRuntimeStatus.Pending } metadata)
            {
                return metadata;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation).ConfigureAwait(false);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        // Polls the instance table: DTFx's own wait polls too, and a short interval keeps tests and the CLI responsive.
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false) is { IsCompleted: true } metadata)
            {
                return metadata;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation).ConfigureAwait(false);
        }
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (await GetInstancesAsync(instanceId, cancellation: cancellation).ConfigureAwait(false) is not { } instance)
        {
            return new PurgeResult(0);
        }

        if (!instance.IsCompleted)
        {
            throw new InvalidOperationException($"Only a finished instance can be purged; '{instanceId}' is {instance.RuntimeStatus}.");
        }

        var result = await service.PurgeInstanceHistoryAsync(instanceId).ConfigureAwait(false);
        return new PurgeResult(result.InstancesDeleted);
    }

    public override ValueTask DisposeAsync() => default;

    private Task SendAsync(string instanceId, HistoryEvent historyEvent, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        return service.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = historyEvent });
    }

    /// <summary>Custom status is always readable: the dashboard shows it for every instance it lists.</summary>
    private static OrchestrationMetadata ToMetadata(Core.OrchestrationState state, bool getInputsAndOutputs) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        DataConverter = Converter,
        RuntimeStatus = Enum.Parse<OrchestrationRuntimeStatus>(state.OrchestrationStatus.ToString()),
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
        SerializedInput = getInputsAndOutputs ? state.Input : null,
        SerializedOutput = getInputsAndOutputs ? state.Output : null,
        SerializedCustomStatus = state.Status,
        FailureDetails = state.FailureDetails is { } f
            ? new TaskFailureDetails(f.ErrorType, f.ErrorMessage, f.StackTrace, null, null)
            : null,
    };
}
