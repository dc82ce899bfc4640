namespace Workflow.Cli.Api;

internal sealed record RoundInfo(
    string Id,
    string Title,
    string? AwardLevel,
    string? DeadlineText,
    string? PickedFrom,
    string? RuntimeStatus,
    int Received,
    int Accepted,
    int Refused,
    int LateRejected,
    string? State = null,
    string? StateText = null,
    bool Optional = false,
    IReadOnlyList<PendingQuota>? PendingQuotas = null);
