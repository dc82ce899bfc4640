namespace Workflow.Domain.Levels;

/// <summary>The derived plan, or every reason it cannot be derived (paths into the request, e.g. "$.deadlines.bao-cao").</summary>
public sealed record PlanDerivationResult(Plan? Plan, IReadOnlyList<PlanError> Errors);
