using Workflow.Domain.Consolidation;

namespace Workflow.Api.Contracts;

/// <summary>
/// A cycle as the dashboard shows it: runtime state, the orchestration's progress, and counts computed from the status
/// rows: per block, per round, and the headline nomination figures of those rounds (<see cref="Nominations"/>).
/// </summary>
public sealed record CycleDetail(
    string Id,
    string? Title,
    string? PlanNumber,
    string? Issuer,
    OrchestrationRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    FailureInfo? Failure,
    CycleProgress? Progress,
    DateTimeOffset? NextDeadline,
    string? NextDeadlineText,
    IReadOnlyList<BlockProgress> Blocks,
    IReadOnlyList<DeliverableInfo> Deliverables,
    IReadOnlyList<RoundInfo> Rounds,
    RehearsalInfo? Rehearsal = null,
    NominationCounts? Nominations = null,
    IReadOnlyList<MilestoneInfo>? Milestones = null,
    ParentInfo? Parent = null,
    IReadOnlyList<RelayRow>? Relays = null);
