namespace Workflow.Domain.Nominations;

/// <summary>
/// The rules a nominee fails, and apart from them the rules it meets only on records without evidence
/// (<see cref="Unevidenced"/>): the council may take those once an operator has checked the records.
/// </summary>
public sealed record EligibilityResult(string ProfileId, IReadOnlyList<EligibilityFailure> Failures)
{
    public IReadOnlyList<EligibilityFailure> Unevidenced { get; init; } = [];

    public bool Eligible => Failures.Count == 0;

    /// <summary>Every criterion met stands on evidence.</summary>
    public bool Evidenced => Unevidenced.Count == 0;

    /// <summary>The result where evidence is required: what stands only on a claim fails.</summary>
    public EligibilityResult RequiringEvidence() => this with { Failures = [.. Failures, .. Unevidenced], Unevidenced = [] };

    public bool Failed(string ruleId) => Failures.Any(f => f.RuleId == ruleId);
}
