namespace Workflow.Domain.Plans;

/// <summary>An inclusive range of calendar days in Vietnam time.</summary>
public sealed record DatePeriod(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
