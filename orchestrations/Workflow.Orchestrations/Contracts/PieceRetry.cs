namespace Workflow.Orchestrations.Contracts;

/// <summary>An operator asks the cycle to run a failed piece again.</summary>
public sealed record PieceRetry(string PieceId, string RequestedBy)
{
    public const string EventName = "PieceRetry";
}
