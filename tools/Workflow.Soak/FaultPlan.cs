namespace Workflow.Soak;

/// <summary>The faults a run injects: SIGKILLs during the burst, during a reminder wave and during scripted uploads; a storage outage; hostile input.</summary>
internal sealed record FaultPlan(int BurstKills, int WaveKills, bool KillAtUploads, TimeSpan Outage, bool Hostile)
{
    public static FaultPlan None { get; } = new(0, 0, false, TimeSpan.Zero, false);

    /// <summary>11 SIGKILLs (5 in the burst, 5 in waves, 1 at scripted uploads), 30 s of storage down, the hostile corpus.</summary>
    public static FaultPlan Campaign { get; } = new(5, 5, true, TimeSpan.FromSeconds(30), true);
}
