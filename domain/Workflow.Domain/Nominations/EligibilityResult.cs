namespace Workflow.Domain.Nominations;

public sealed record EligibilityResult(string ProfileId, IReadOnlyList<EligibilityFailure> Failures)
{
    public bool Eligible => Failures.Count == 0;

    public bool Failed(string ruleId) => Failures.Any(f => f.RuleId == ruleId);
}
