namespace Workflow.Orchestrations.Contracts;

/// <summary>Sent by the cycle to a round still waiting for the province's picks when the cycle closes.</summary>
public sealed record CycleClosing(DateTimeOffset At)
{
    public const string EventName = "CycleClosing";
}
