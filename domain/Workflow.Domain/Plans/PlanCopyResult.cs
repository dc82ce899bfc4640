namespace Workflow.Domain.Plans;

/// <summary>A copied plan, or why it could not be copied (each error with the request field or the plan path at fault).</summary>
public sealed record PlanCopyResult(Plan? Plan, IReadOnlyList<PlanError> Errors)
{
    public bool Ok => Plan is not null && Errors.Count == 0;
}
