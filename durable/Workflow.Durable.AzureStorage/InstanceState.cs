using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Workflow.Durable.AzureStorage;

/// <summary>The state row of an instance: its status and the pointer to its current history.</summary>
internal sealed class InstanceState
{
    public required string InstanceId { get; init; }

    public required string Name { get; set; }

    public required string ExecutionId { get; set; }

    /// <summary>Bumped by ContinueAsNew and restarts; history rows of older generations are garbage.</summary>
    public int Generation { get; set; }

    /// <summary>Sequence number of the next history row of this generation.</summary>
    public int NextSequence { get; set; }

    public int Partition { get; init; }

    public OrchestrationRuntimeStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Input { get; set; }

    public string? Output { get; set; }

    public string? CustomStatus { get; set; }

    public TaskFailureDetails? Failure { get; set; }

    public string? ParentInstanceId { get; set; }

    public string? ParentExecutionId { get; set; }

    public int ParentTaskId { get; set; } = -1;

    public ETag ETag { get; set; }

    /// <summary>Blobs the stored row points at, by property, so an unchanged large payload is not uploaded again.</summary>
    public Dictionary<string, string?> Blobs { get; private init; } = [];

    public OrchestrationMetadata ToMetadata(bool withPayloads) => new(Name, InstanceId)
    {
        RuntimeStatus = Status,
        CreatedAt = CreatedAt,
        LastUpdatedAt = UpdatedAt,
        SerializedInput = withPayloads ? Input : null,
        SerializedOutput = withPayloads ? Output : null,
        SerializedCustomStatus = CustomStatus,
        FailureDetails = Failure,
    };

    public static async Task<InstanceState> ReadAsync(TableEntity row, TaskHub hub, bool withPayloads, CancellationToken cancellationToken)
    {
        var failure = row.GetString("Failure");
        return new InstanceState
        {
            InstanceId = row.PartitionKey,
            Name = row.GetString("Name") ?? string.Empty,
            ExecutionId = row.GetString("ExecutionId") ?? string.Empty,
            Generation = row.GetInt32("Gen") ?? 0,
            NextSequence = row.GetInt32("Seq") ?? 0,
            Partition = row.GetInt32("P") ?? 0,
            Status = Enum.Parse<OrchestrationRuntimeStatus>(row.GetString("Status") ?? nameof(OrchestrationRuntimeStatus.Pending)),
            CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
            UpdatedAt = row.GetDateTimeOffset("UpdatedAt") ?? default,
            Input = withPayloads ? await hub.GetPayloadAsync(row, "Input", cancellationToken).ConfigureAwait(false) : null,
            Output = withPayloads ? await hub.GetPayloadAsync(row, "Output", cancellationToken).ConfigureAwait(false) : null,
            CustomStatus = await hub.GetPayloadAsync(row, "CustomStatus", cancellationToken).ConfigureAwait(false),
            Failure = failure is null ? null : JsonSerializer.Deserialize<TaskFailureDetails>(failure, HistoryEvent.Json),
            ParentInstanceId = row.GetString("ParentId"),
            ParentExecutionId = row.GetString("ParentExec"),
            ParentTaskId = row.GetInt32("ParentTask") ?? -1,
            ETag = row.ETag,
            Blobs = PayloadProperties.ToDictionary(p => p, p => (string?)row.GetString(p + "Blob")),
        };
    }

    private static readonly string[] PayloadProperties = ["Input", "Output", "CustomStatus"];

    public InstanceState CopyBlobsFrom(InstanceState other)
    {
        foreach (var (property, blob) in other.Blobs)
        {
            Blobs[property] = blob;
        }

        return this;
    }

    public async Task<TableEntity> ToEntityAsync(TaskHub hub, CancellationToken cancellationToken)
    {
        var row = new TableEntity(InstanceId, TaskHub.StateRowKey)
        {
            ["Name"] = Name,
            ["ExecutionId"] = ExecutionId,
            ["Gen"] = Generation,
            ["Seq"] = NextSequence,
            ["P"] = Partition,
            ["Status"] = Status.ToString(),
            ["CreatedAt"] = CreatedAt,
            ["UpdatedAt"] = UpdatedAt,
            ["ParentTask"] = ParentTaskId,
            ETag = ETag,
        };
        if (Failure is not null)
        {
            // Failure text is bounded so it always fits in the row.
            var bounded = Failure with { StackTrace = Truncate(Failure.StackTrace, 8_000), ErrorMessage = Truncate(Failure.ErrorMessage, 8_000)! };
            row["Failure"] = JsonSerializer.Serialize(bounded, HistoryEvent.Json);
        }

        if (ParentInstanceId is not null)
        {
            row["ParentId"] = ParentInstanceId;
            row["ParentExec"] = ParentExecutionId;
        }

        await SetAsync(row, "Input", Input).ConfigureAwait(false);
        await SetAsync(row, "Output", Output).ConfigureAwait(false);
        await SetAsync(row, "CustomStatus", CustomStatus).ConfigureAwait(false);
        return row;

        async Task SetAsync(TableEntity entity, string property, string? value)
        {
            await hub.SetPayloadAsync(entity, property, value, InstanceId, cancellationToken, Blobs.GetValueOrDefault(property)).ConfigureAwait(false);
            Blobs[property] = entity.GetString(property + "Blob");
        }
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
