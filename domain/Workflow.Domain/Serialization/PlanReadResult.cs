namespace Workflow.Domain.Serialization;

public sealed record PlanReadResult(Plan? Plan, IReadOnlyList<PlanError> Errors);
