namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// A closed cycle started again to retry one failed piece (<see cref="PieceId"/>): it re-runs that piece, consolidates
/// again with the earlier rounds' results, and ends with the new summary. <see cref="Progress"/> is the status it had.
/// </summary>
public sealed record CycleRepair(string PieceId, string RequestedBy, CycleSummary Previous, CycleProgress Progress);
