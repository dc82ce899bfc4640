using System.Collections;
using System.Reflection;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace Workflow.Engine;

/// <summary>
/// The Azure Storage orchestration service as the worker sees it, with one defect of DurableTask.AzureStorage 2.11.2
/// worked around (Azure/durabletask#1173, open). The service keeps each activity work item in a private session map
/// until it is completed or abandoned. When storage fails under a running activity (an outage; the message's
/// visibility lapses and its pop receipt changes), both the completion and the abandon throw, the session is never
/// removed, and every later delivery of that message is dropped as "being processed multiple times concurrently":
/// the activity never runs again and its orchestration waits forever. Here the session is forgotten when the abandon
/// fails, so the message's next delivery runs the activity again (activities are at-least-once, and a duplicate
/// completion is dropped by the orchestration's history).
/// </summary>
public sealed partial class ActivitySessionGuard : IOrchestrationService
{
    // Pinned by a test: an upgrade that renames it fails there, not silently in production.
    private static readonly FieldInfo? SessionsField =
        typeof(AzureStorageOrchestrationService).GetField("activeActivitySessions", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly AzureStorageOrchestrationService _inner;
    private readonly ILogger _logger;
    private readonly IDictionary _sessions;

    public ActivitySessionGuard(AzureStorageOrchestrationService inner, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(logger);
        _inner = inner;
        _logger = logger;
        _sessions = SessionsField?.GetValue(inner) as IDictionary
            ?? throw new InvalidOperationException("DurableTask.AzureStorage no longer keeps 'activeActivitySessions'; review ActivitySessionGuard against the new version.");
    }

    /// <summary>Activity work items the service holds a session for; what leaks when the defect strikes.</summary>
    public int ActiveActivitySessions => _sessions.Count;

    public int TaskOrchestrationDispatcherCount => _inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => _inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => _inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => _inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => _inner.MaxConcurrentTaskActivityWorkItems;

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        _inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    /// <summary>
    /// The dispatcher abandons every work item whose completion failed; only when the abandon fails too is the session
    /// left behind, so that is where it is forgotten.
    /// </summary>
    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        try
        {
            await _inner.AbandonTaskActivityWorkItemAsync(workItem).ConfigureAwait(false);
        }
        catch (Exception ex) when (Forget(workItem, ex))
        {
            throw;
        }
    }

    /// <summary>Always false, so the exception goes on to the dispatcher unchanged, which logs it and backs off.</summary>
    private bool Forget(TaskActivityWorkItem workItem, Exception ex)
    {
        // A ConcurrentDictionary: Contains and Remove are each atomic, and only this work item's own failure removes it.
        if (_sessions.Contains(workItem.Id))
        {
            _sessions.Remove(workItem.Id);
            Log.Forgotten(_logger, workItem.Id, workItem.TaskMessage?.OrchestrationInstance?.InstanceId, ex.GetType().Name, ex.Message);
        }

        return false;
    }

    public Task StartAsync() => _inner.StartAsync();

    public Task StopAsync() => _inner.StopAsync();

    public Task StopAsync(bool isForced) => _inner.StopAsync(isForced);

    public Task CreateAsync() => _inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => _inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => _inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => _inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => _inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        _inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => _inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => _inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        _inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => _inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        _inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => _inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => _inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        _inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => _inner.RenewTaskActivityWorkItemLockAsync(workItem);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Activity work item {WorkItemId} of {InstanceId} could not be completed or abandoned ({Error}: {Message}); its session is forgotten so the message's next delivery runs it again")]
        public static partial void Forgotten(ILogger logger, string workItemId, string? instanceId, string error, string message);
    }
}
