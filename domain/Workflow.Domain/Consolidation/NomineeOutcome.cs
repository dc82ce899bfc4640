namespace Workflow.Domain.Consolidation;

/// <summary>What the checks made of one nominee: eligibility, dossier completeness, quota; accepted only when all pass.</summary>
public sealed record NomineeOutcome(
    Nomination Nomination,
    EligibilityResult Eligibility,
    DossierCheckResult? Dossier,
    IReadOnlyList<QuotaViolation> QuotaViolations)
{
    public bool Accepted => Eligibility.Eligible && (Dossier?.Complete ?? true) && QuotaViolations.Count == 0;

    /// <summary>Every reason the nominee was not accepted, in Vietnamese.</summary>
    public IReadOnlyList<string> Reasons =>
    [
        .. Eligibility.Failures.Select(f => f.Message),
        .. Dossier?.Problems.Select(p => p.Message) ?? [],
        .. QuotaViolations.Select(v => v.Message),
    ];
}
