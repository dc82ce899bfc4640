using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Workflow.Durable.AzureStorage;

/// <summary>
/// The storage of one task hub: the instances table (state, history and inbox rows, one partition per
/// instance), the leases table, the poison table, one control queue per partition and a payload container.
/// </summary>
internal sealed class TaskHub
{
    public const string StateRowKey = "state";
    public const string InboxPrefix = "i-";
    public const string InboxEnd = "i.";

    // Azure Tables: a string property holds at most 32K characters; an entity at most 1 MiB.
    private const int ChunkChars = 30_000;
    private const int MaxInlineChunks = 12;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _completionSignals = new();
    private readonly Lazy<Task> _created;
    private long _storageOperations;
    private long _lastInboxTicks;

    public TaskHub(IOptions<DurableTaskStorageOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        Time = timeProvider;
        var policy = new StorageOperationPolicy(this);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);

        var hub = Options.TaskHubName;
        var lower = hub.ToLowerInvariant();
        var tables = new TableServiceClient(Options.ConnectionString, tableOptions);
        Instances = tables.GetTableClient($"{hub}Instances");
        Leases = tables.GetTableClient($"{hub}Leases");
        Poison = tables.GetTableClient($"{hub}Poison");
        var queues = new QueueServiceClient(Options.ConnectionString, queueOptions);
        ControlQueues = [.. Enumerable.Range(0, Options.PartitionCount).Select(p => queues.GetQueueClient($"{lower}-control-{p:D2}"))];
        PoisonQueue = queues.GetQueueClient($"{lower}-poison");
        Payloads = new BlobServiceClient(Options.ConnectionString, blobOptions).GetBlobContainerClient($"{lower}-payloads");
        _created = new Lazy<Task>(CreateAllAsync);
    }

    public DurableTaskStorageOptions Options { get; }

    public TimeProvider Time { get; }

    public TableClient Instances { get; }

    public TableClient Leases { get; }

    public TableClient Poison { get; }

    public IReadOnlyList<QueueClient> ControlQueues { get; }

    public QueueClient PoisonQueue { get; }

    public BlobContainerClient Payloads { get; }

    /// <summary>The worker in this process, when there is one, so messages to its instances skip the queue.</summary>
    public DurableTaskStorageWorker? LocalWorker { get; set; }

    public bool Killed { get; set; }

    public long StorageOperations => Interlocked.Read(ref _storageOperations);

    public static string HistoryRowKey(int generation, int sequence) => $"h{generation:D8}-{sequence:D8}";

    public static string HistoryPrefix(int generation) => $"h{generation:D8}-";

    public static bool IsTerminal(OrchestrationRuntimeStatus status) => status is OrchestrationRuntimeStatus.Completed
        or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;

    public static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    public static bool IsConflict(RequestFailedException ex) => ex.Status is 404 or 409 or 412;

    public void CountStorageOperation()
    {
        Interlocked.Increment(ref _storageOperations);
        DurableMetrics.StorageOperations.Add(1);
    }

    public Task EnsureCreatedAsync() => _created.Value;

    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        await Instances.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await Leases.DeleteAsync(cancellationToken).ConfigureAwait(false);
        await Poison.DeleteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var queue in ControlQueues)
        {
            await queue.DeleteIfExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        await PoisonQueue.DeleteIfExistsAsync(cancellationToken).ConfigureAwait(false);
        await Payloads.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stable across processes and .NET versions (unlike string.GetHashCode).</summary>
    public int PartitionOf(string instanceId)
        => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(instanceId)) % (uint)Options.PartitionCount);

    public static void ValidateInstanceId(string instanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (instanceId.Length > 200 || instanceId.AsSpan().IndexOfAny("/\\#?") >= 0 || instanceId.Any(char.IsControl))
        {
            throw new ArgumentException("An instance id has at most 200 characters and none of / \\ # ? or control characters.", nameof(instanceId));
        }
    }

    /// <summary>
    /// An inbox row key: ordered by sending time within a process (FIFO per sender), unique by message id, and
    /// fixed before the first attempt so a retried insert is a 409 rather than a second message.
    /// </summary>
    public string NewInboxRowKey(string messageId)
    {
        long ticks;
        long last;
        do
        {
            last = Interlocked.Read(ref _lastInboxTicks);
            ticks = Math.Max(DateTime.UtcNow.Ticks, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastInboxTicks, ticks, last) != last);
        return $"{InboxPrefix}{ticks:D19}-{messageId}";
    }

    public async Task<TableEntity> CreateInboxRowAsync(string instanceId, string rowKey, InboxMessage message, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(instanceId, rowKey) { ["P"] = PartitionOf(instanceId) };
        var json = JsonSerializer.Serialize(message, HistoryEvent.Json);
        await SetPayloadAsync(entity, "M", json, instanceId, cancellationToken).ConfigureAwait(false);
        return entity;
    }

    public async Task<InboxMessage> ReadInboxMessageAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var json = await GetPayloadAsync(row, "M", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Inbox row {row.RowKey} has no message.");
        return JsonSerializer.Deserialize<InboxMessage>(json, HistoryEvent.Json)
            ?? throw new InvalidDataException($"Inbox row {row.RowKey} holds an empty message.");
    }

    /// <summary>Writes a string property inline, or to a blob when it is too large for a table property.</summary>
    /// <param name="knownBlob">A blob this property already points at; content-named, so an equal name needs no upload.</param>
    public async Task SetPayloadAsync(TableEntity entity, string property, string? value, string instanceId, CancellationToken cancellationToken, string? knownBlob = null)
    {
        entity.Remove(property);
        entity.Remove(property + "Blob");
        if (value is null)
        {
            return;
        }

        if (value.Length <= ChunkChars)
        {
            entity[property] = value;
            return;
        }

        var blobName = $"{BlobPrefix(instanceId)}{property}-{XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(value)):x16}";
        if (blobName != knownBlob)
        {
            await UploadAsync(blobName, value, cancellationToken).ConfigureAwait(false);
        }

        entity[property + "Blob"] = blobName;
    }

    public async Task<string?> GetPayloadAsync(TableEntity entity, string property, CancellationToken cancellationToken)
    {
        if (entity.GetString(property + "Blob") is { } blobName)
        {
            var content = await Payloads.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }

        return entity.GetString(property);
    }

    /// <summary>One history row per episode: all its events as JSON, split over properties or moved to a blob.</summary>
    public async Task<TableEntity> CreateHistoryRowAsync(string instanceId, int generation, int sequence, IReadOnlyList<HistoryEvent> events, CancellationToken cancellationToken)
    {
        var rowKey = HistoryRowKey(generation, sequence);
        var entity = new TableEntity(instanceId, rowKey) { ["C"] = events.Count };
        var json = JsonSerializer.Serialize(events, HistoryEvent.Json);
        if (json.Length > ChunkChars * MaxInlineChunks)
        {
            var blobName = $"{BlobPrefix(instanceId)}{rowKey}";
            await UploadAsync(blobName, json, cancellationToken).ConfigureAwait(false);
            entity["B"] = blobName;
            return entity;
        }

        var chunks = (json.Length + ChunkChars - 1) / ChunkChars;
        entity["N"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity[$"D{i}"] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }

        return entity;
    }

    public async Task<List<HistoryEvent>> ReadHistoryRowAsync(TableEntity row, CancellationToken cancellationToken)
    {
        string json;
        if (row.GetString("B") is { } blobName)
        {
            var content = await Payloads.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            json = content.Value.Content.ToString();
        }
        else
        {
            var chunks = row.GetInt32("N") ?? 0;
            var builder = new StringBuilder();
            for (var i = 0; i < chunks; i++)
            {
                builder.Append(row.GetString($"D{i}"));
            }

            json = builder.ToString();
        }

        return JsonSerializer.Deserialize<List<HistoryEvent>>(json, HistoryEvent.Json) ?? [];
    }

    public string BlobPrefix(string instanceId) => $"{XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(instanceId)):x16}/";

    public async Task DeleteBlobsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await foreach (var blob in Payloads.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = BlobPrefix(instanceId) }, cancellationToken).ConfigureAwait(false))
        {
            await Payloads.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Wakes in-process waiters of <paramref name="instanceId"/> (a hint; they re-read storage).</summary>
    public void SignalCompleted(string instanceId)
    {
        if (_completionSignals.TryRemove(instanceId, out var signal))
        {
            signal.TrySetResult();
        }
    }

    public Task CompletionSignal(string instanceId)
        => _completionSignals.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private async Task UploadAsync(string blobName, string content, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        await Payloads.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(content), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateAllAsync()
    {
        await Instances.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Leases.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Poison.CreateIfNotExistsAsync().ConfigureAwait(false);
        foreach (var queue in ControlQueues)
        {
            await queue.CreateIfNotExistsAsync().ConfigureAwait(false);
        }

        await PoisonQueue.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Payloads.CreateIfNotExistsAsync().ConfigureAwait(false);
    }
}
