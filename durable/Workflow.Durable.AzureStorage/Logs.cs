using Microsoft.Extensions.Logging;

namespace Workflow.Durable.AzureStorage;

/// <summary>Lifecycle logs of the runtime; event ids are stable.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Durable worker {WorkerId} started on task hub {TaskHub} ({PartitionCount} partitions)")]
    public static partial void WorkerStarted(this ILogger logger, string workerId, string taskHub, int partitionCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Durable worker {WorkerId} stopped")]
    public static partial void WorkerStopped(this ILogger logger, string workerId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Acquired partition {Partition}")]
    public static partial void PartitionAcquired(this ILogger logger, int partition);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Released partition {Partition} ({Reason})")]
    public static partial void PartitionReleased(this ILogger logger, int partition, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Instance {InstanceId}: episode committed with {EventCount} events, status {Status}")]
    public static partial void EpisodeCommitted(this ILogger logger, string instanceId, int eventCount, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Instance {InstanceId}: concurrent update detected, reloading")]
    public static partial void EpisodeConflict(this ILogger logger, string instanceId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Instance {InstanceId}: episode failed (attempt {Attempt})")]
    public static partial void EpisodeFailed(this ILogger logger, string instanceId, int attempt, Exception exception);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error, Message = "Instance {InstanceId}: messages moved to the poison table and the instance failed: {Reason}")]
    public static partial void InstancePoisoned(this ILogger logger, string instanceId, string reason);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Error, Message = "Instance {InstanceId}: {Message}")]
    public static partial void NonDeterminism(this ILogger logger, string instanceId, string message);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Information, Message = "Instance {InstanceId} reached {Status}")]
    public static partial void InstanceFinished(this ILogger logger, string instanceId, OrchestrationRuntimeStatus status);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "Control queue message moved to the poison queue after {DequeueCount} deliveries: {Body}")]
    public static partial void QueueMessagePoisoned(this ILogger logger, long dequeueCount, string body);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Background loop {Loop} failed; retrying")]
    public static partial void LoopFailed(this ILogger logger, string loop, Exception exception);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Warning, Message = "Could not send to {InstanceId}; it will be retried on recovery")]
    public static partial void SendFailed(this ILogger logger, string instanceId, Exception exception);
}
