namespace Workflow.Durable.AzureStorage;

/// <summary>Something the orchestrator asked for during an episode; recorded as a scheduling event.</summary>
internal sealed record OrchestratorAction(ActionKind Kind, int Id, string? Name, string? Data, DateTime? FireAt, string? ChildInstanceId)
{
    public string Describe() => Kind == ActionKind.CreateTimer ? "CreateTimer" : $"{Kind} '{Name}'";

    public static string Describe(HistoryEvent scheduled) => scheduled.Type switch
    {
        HistoryEventType.TaskScheduled => $"{ActionKind.CallActivity} '{scheduled.Name}'",
        HistoryEventType.SubOrchestrationCreated => $"{ActionKind.CallSubOrchestrator} '{scheduled.Name}'",
        _ => "CreateTimer",
    };

    public HistoryEvent ToHistoryEvent(DateTime timestamp) => new(
        Kind switch
        {
            ActionKind.CallActivity => HistoryEventType.TaskScheduled,
            ActionKind.CreateTimer => HistoryEventType.TimerCreated,
            _ => HistoryEventType.SubOrchestrationCreated,
        },
        timestamp)
    {
        Id = Id,
        Name = Name,
        Data = Data,
        FireAt = FireAt,
        ChildInstanceId = ChildInstanceId,
    };
}
