using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Durable.AzureStorage;

/// <summary>One recorded fact of an execution. New optional fields may be added; old history still reads.</summary>
internal sealed record HistoryEvent(HistoryEventType Type, DateTime Timestamp)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Task, timer or sub-orchestration id: on scheduling events their own, on completions the one they complete.</summary>
    public int Id { get; init; } = -1;

    public string? Name { get; init; }

    public string? Data { get; init; }

    public DateTime? FireAt { get; init; }

    public string? ChildInstanceId { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public OrchestrationRuntimeStatus? Status { get; init; }

    /// <summary>The inbox row an input event came from; a re-delivered copy of it is recognised and dropped.</summary>
    public string? MessageId { get; init; }

    public bool IsScheduling => Type is HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated or HistoryEventType.SubOrchestrationCreated;

    public bool IsCompletion => Type is HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed or HistoryEventType.TimerFired
        or HistoryEventType.SubOrchestrationCompleted or HistoryEventType.SubOrchestrationFailed;
}
