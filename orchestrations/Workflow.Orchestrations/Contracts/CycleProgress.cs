namespace Workflow.Orchestrations.Contracts;

/// <summary>The cycle's custom status: where it is, as an operator needs to see it at a glance.</summary>
public sealed record CycleProgress
{
    public CyclePhase Phase { get; init; }
    public string PhaseLabel { get; init; } = string.Empty;
    public int Expected { get; init; }
    public int OnTime { get; init; }
    public int Late { get; init; }
    public int Missing { get; init; }
    public int Pending { get; init; }
    public int NominationsReceived { get; init; }
    public int NominationsAccepted { get; init; }
    public int NominationsRejected { get; init; }
    public int RemindersSent { get; init; }
    public DateTimeOffset? NextDeadline { get; init; }
    public string? NextDeadlineText { get; init; }
    public int Extensions { get; init; }
}
