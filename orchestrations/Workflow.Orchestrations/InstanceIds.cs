namespace Workflow.Orchestrations;

/// <summary>
/// Deterministic instance ids, so operators can address a cycle's parts directly (the province's picks go to a round)
/// and a restarted parent finds its children instead of duplicating them.
/// </summary>
public static class InstanceIds
{
    public static string Cycle(string cycleId) => cycleId;

    public static string Round(string cycleId, string roundId) => $"{cycleId}:round:{roundId}";

    /// <summary>A round run again after a failure gets a new instance: the failed one stays as it was, for audit.</summary>
    public static string Round(string cycleId, string roundId, int attempt) =>
        attempt <= 1 ? Round(cycleId, roundId) : $"{Round(cycleId, roundId)}:{attempt}";

    public static string Programme(string programmeId) => $"{programmeId}:programme";

    /// <summary>The fan-out of a tree's advance to an instant (a stepped clock only moves on, so there is one per instant).</summary>
    public static string TreeAdvance(string cycleId, DateTimeOffset to) =>
        $"{cycleId}:advance:{to.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)}";

    public static string PeriodCycle(string programmeId, string periodId) => $"{programmeId}-{periodId}";
}
