namespace Workflow.Domain.Nominations;

public sealed record QuotaCheckResult(IReadOnlyList<QuotaViolation> Violations)
{
    public bool WithinQuota => Violations.Count == 0;
}
