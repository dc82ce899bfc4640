using Workflow.Api.Http;
using Workflow.Domain.Scheduling;

namespace Workflow.Api.Contracts;

/// <summary>
/// The plan editor's live check of a draft: why it does not read (or every validation error), its units in the whole tree,
/// each deadline's last accepted second beside its field, and the cycle's schedule point by point (empty, with a
/// Vietnamese note, when it cannot be computed yet).
/// </summary>
public sealed record PlanCheck(
    IReadOnlyList<FieldError> Errors,
    int UnitCount,
    IReadOnlyList<PreviewDeadline> Deadlines,
    IReadOnlyList<PreviewPoint> Schedule,
    string? ScheduleNote);
