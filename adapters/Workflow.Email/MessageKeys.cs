namespace Workflow.Email;

/// <summary>Deterministic message keys: the same mail for the same reason always gets the same key.</summary>
public static class MessageKeys
{
    /// <summary>E.g. "bg-2024:huyen-01:report:report:reminder:7" for a schedule point's key.</summary>
    public static string For(string cycleId, string unitId, string subjectId, string pointKey) => $"{cycleId}:{unitId}:{subjectId}:{pointKey}";

    public static string PlanNotice(string cycleId, string unitId) => $"{cycleId}:{unitId}:plan:notice";

    /// <summary>A milestone's reminder to the plan's operators: one mail per point, to all of their addresses.</summary>
    public static string Milestone(string cycleId, string pointKey) => $"{cycleId}:operators:{pointKey}";

    public static string Receipt(string cycleId, string receiptNumber) => $"{cycleId}:receipt:{receiptNumber}";

    public static string Verdict(string cycleId, string unitId, string roundId) => $"{cycleId}:{unitId}:{roundId}:verdict";

    /// <summary>A verdict changed after the round was judged, by one operator's review: one mail per review and proposer.</summary>
    public static string RevisedVerdict(string cycleId, string unitId, string roundId, string reviewId) => $"{cycleId}:{unitId}:{roundId}:verdict:{reviewId}";

    public static string Rejection(string cycleId, string unitId, string subjectId, string attemptId) => $"{cycleId}:{unitId}:{subjectId}:rejected:{attemptId}";
}
