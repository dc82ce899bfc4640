using System.Text.Json;
using Workflow.Domain.Consolidation;

namespace Workflow.Cli.Api;

internal sealed record CycleDetail(
    string Id,
    string? Title,
    string? PlanNumber,
    string? Issuer,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    JsonElement? Failure,
    CycleProgress? Progress,
    DateTimeOffset? NextDeadline,
    string? NextDeadlineText,
    IReadOnlyList<BlockProgress>? Blocks,
    IReadOnlyList<DeliverableInfo>? Deliverables,
    IReadOnlyList<RoundInfo>? Rounds,
    RehearsalInfo? Rehearsal = null,
    NominationCounts? Nominations = null,
    IReadOnlyList<MilestoneInfo>? Milestones = null,
    ParentInfo? Parent = null,
    IReadOnlyList<RelayRow>? Relays = null);
