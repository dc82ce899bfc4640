namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Raised by the upload boundary to a unit's follow-up once a file is accepted. The boundary already decided
/// on-time or late with the server clock against the authoritative deadline; the orchestration only records it.
/// </summary>
public sealed record SubmissionReceived(string UnitId, string Subject, int Version, DateTimeOffset ReceivedAt, bool Late, string ReceiptNumber)
{
    public const string EventName = "SubmissionReceived";
}
