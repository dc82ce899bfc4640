using Workflow.Domain.Validation;

namespace Workflow.Application;

/// <summary>
/// The outcome of a relay issuing its plan: the sub-cycle started, or why not. <see cref="NotFound"/>: no such parent
/// cycle or relay; <see cref="Conflict"/>: the relay already issued one, or the parent is no longer running.
/// </summary>
public sealed record SubCycleIssue(string? CycleId, Plan? Plan, IReadOnlyList<PlanError> Errors, bool NotFound = false, bool Conflict = false);
