using Workflow.Durable;
using Az = Microsoft.DurableTask;
using AzClient = Microsoft.DurableTask.Client;

namespace Workflow.Functions.Durable;

/// <summary>
/// Our orchestration client (<see cref="DurableTaskClient"/>, used by the HTTP handlers and the activities) over the
/// Durable Functions client that a <c>[DurableClient]</c> binding hands to a function. It translates types and keeps
/// the port's promises; the work is the SDK's.
/// </summary>
public sealed class FunctionsDurableTaskClient(AzClient.DurableTaskClient inner) : DurableTaskClient
{
    /// <summary>
    /// The port promises idempotency for a caller-supplied id: an instance that exists and is not terminal is left alone
    /// (the Azure Storage provider would otherwise refuse or, for a terminal one, restart it as the SDK documents).
    /// </summary>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (options?.InstanceId is { } instanceId
            && await inner.GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false) is { } existing
            && existing.RuntimeStatus is AzClient.OrchestrationRuntimeStatus.Pending or AzClient.OrchestrationRuntimeStatus.Running
                or AzClient.OrchestrationRuntimeStatus.Suspended)
        {
            return instanceId;
        }

        var start = options is null ? null : new Az.StartOrchestrationOptions(options.InstanceId, options.StartAt);
        return await inner.ScheduleNewOrchestrationInstanceAsync(new Az.TaskName(orchestratorName.Name), input, start, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
        => ToPort(await inner.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken).ConfigureAwait(false));

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
        => inner.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken);

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
        => inner.TerminateInstanceAsync(instanceId, output, cancellationToken);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
        => inner.SuspendInstanceAsync(instanceId, reason, cancellationToken);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default)
        => inner.ResumeInstanceAsync(instanceId, reason, cancellationToken);

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
        => new((await inner.PurgeInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)).PurgedInstanceCount);

    public override async Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Target-typed: the SDK's query record is passed straight to the one method that takes it.
        var pages = inner.GetAllInstancesAsync(new(
            CreatedFrom: query.CreatedFrom,
            CreatedTo: query.CreatedTo,
            Statuses: query.Statuses?.Select(status => Enum.Parse<AzClient.OrchestrationRuntimeStatus>(status.ToString())).ToList(),
            InstanceIdPrefix: query.InstanceIdPrefix,
            PageSize: query.PageSize,
            FetchInputsAndOutputs: query.FetchInputsAndOutputs,
            ContinuationToken: query.ContinuationToken));
        await foreach (var page in pages.AsPages(query.ContinuationToken, query.PageSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return new OrchestrationQueryResult([.. page.Values.Select(metadata => ToPort(metadata)!)], page.ContinuationToken);
        }

        return new OrchestrationQueryResult([], null);
    }

    /// <summary>
    /// Durable Functions' client does not read history in the isolated worker; the host's HTTP API does:
    /// <c>GET /runtime/webhooks/durabletask/instances/{id}?showHistory=true</c> (system key required).
    /// </summary>
    public override Task<IReadOnlyList<OrchestrationHistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
        => throw new NotSupportedException(
            $"Instance history is not available through the Durable Functions client; use GET /runtime/webhooks/durabletask/instances/{instanceId}?showHistory=true.");

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
        => ToPort(await inner.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellationToken).ConfigureAwait(false))!;

    private static OrchestrationMetadata? ToPort(AzClient.OrchestrationMetadata? metadata) => metadata is null
        ? null
        : new OrchestrationMetadata(metadata.Name, metadata.InstanceId)
        {
            // The two enums share their member names; parsing by name keeps clear of the SDK's obsolete members.
            RuntimeStatus = Enum.Parse<OrchestrationRuntimeStatus>(metadata.RuntimeStatus.ToString()),
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            SerializedInput = metadata.SerializedInput,
            SerializedOutput = metadata.SerializedOutput,
            SerializedCustomStatus = metadata.SerializedCustomStatus,
            FailureDetails = ToPort(metadata.FailureDetails),
        };

    private static TaskFailureDetails? ToPort(Az.TaskFailureDetails? details) => details is null
        ? null
        : new TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, ToPort(details.InnerFailure));
}
