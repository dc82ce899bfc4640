namespace Workflow.Orchestrations;

/// <summary>
/// Deterministic instance ids, so the upload boundary and operators can address a cycle's parts directly
/// (raise a submission to a unit's follow-up) and a restarted parent finds its children instead of duplicating them.
/// </summary>
public static class InstanceIds
{
    public static string Cycle(string cycleId) => cycleId;

    public static string FollowUp(string cycleId, string subject, string unitId) => $"{cycleId}:{subject}:{unitId}";

    public static string Round(string cycleId, string roundId) => $"{cycleId}:round:{roundId}";

    public static string Programme(string programmeId) => $"{programmeId}:programme";

    public static string PeriodCycle(string programmeId, string periodId) => $"{programmeId}-{periodId}";
}
