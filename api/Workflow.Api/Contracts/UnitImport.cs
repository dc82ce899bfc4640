using Workflow.Api.Http;

namespace Workflow.Api.Contracts;

/// <summary>
/// An imported unit list against the plan being edited: what it changes, the units (a tree, to put in the plan's
/// <c>units</c>), and what the plan with them would fail validation on (a scope naming a removed unit, a missing block…).
/// </summary>
public sealed record UnitImport(UnitListDiff Diff, int UnitCount, IReadOnlyList<Unit> Units, IReadOnlyList<FieldError> PlanErrors);
