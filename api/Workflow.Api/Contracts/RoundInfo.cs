namespace Workflow.Api.Contracts;

/// <summary>A nomination round: its instance's state and the proposals received, accepted after all checks, refused, refused late.</summary>
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
    int LateRejected);
