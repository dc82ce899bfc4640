namespace Workflow.Orchestrations;

/// <summary>
/// Deterministic instance ids, so operators can address a cycle's parts directly (the province's picks go to a round)
/// and a restarted parent finds its children instead of duplicating them.
/// </summary>
public static class InstanceIds
{
    public static string Cycle(string cycleId) => cycleId;

    public static string Round(string cycleId, string roundId) => $"{cycleId}:round:{roundId}";

    public static string Programme(string programmeId) => $"{programmeId}:programme";

    public static string PeriodCycle(string programmeId, string periodId) => $"{programmeId}-{periodId}";
}
