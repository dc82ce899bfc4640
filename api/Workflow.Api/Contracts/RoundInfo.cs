namespace Workflow.Api.Contracts;

/// <summary>
/// A nomination round: its instance's state and the proposals received, accepted after all checks, refused, refused
/// late; where it stands (<see cref="State"/>, in Vietnamese in <see cref="StateText"/>, e.g. "Chờ chỉ tiêu" or "Chưa
/// ấn định thời hạn") and the quota rules still waiting for their numbers.
/// </summary>
public sealed record RoundInfo(
    string Id,
    string Title,
    AwardLevel AwardLevel,
    string? DeadlineText,
    string? PickedFrom,
    OrchestrationRuntimeStatus? RuntimeStatus,
    int Received,
    int Accepted,
    int Refused,
    int LateRejected,
    RoundState State = RoundState.Open,
    string? StateText = null,
    bool Optional = false,
    IReadOnlyList<PendingQuota>? PendingQuotas = null)
{
    /// <summary>The signed decision of the round's award, once an operator has entered it.</summary>
    public AwardDecision? Decision { get; init; }
}
