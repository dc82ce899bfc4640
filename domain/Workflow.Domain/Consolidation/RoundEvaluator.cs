namespace Workflow.Domain.Consolidation;

/// <summary>
/// Judges a closed round's proposals in the order they arrived: a nominee must meet the criteria of its profile and
/// have a complete dossier; it is then accepted unless taking it would exceed a quota (so the first proposals within
/// a unit's quota stand and the surplus is refused, naming the rule). Minimums ("of which at least one from the
/// police") cannot be met by refusing anyone, so they are reported as shortfalls of the accepted set. A proposal round
/// takes a criterion met only by records without evidence, flagged "chưa có minh chứng" for the operators to check; a
/// level the province picks does not: its picks are judged again on their evidence (under the lower round's criteria
/// when it has none of its own), so a decision is drafted only from checked records.
/// </summary>
public static class RoundEvaluator
{
    public static RoundOutcome Evaluate(Plan plan, string roundId, IEnumerable<NominationDossier> proposals)
    {
        var round = plan.NominationRounds.FirstOrDefault(r => r.Id == roundId)
            ?? throw new ArgumentException($"Kế hoạch không có đợt đề nghị khen thưởng «{roundId}».", nameof(roundId));
        var quotas = new QuotaChecker(round, plan.Units);
        var eligibility = new EligibilityEvaluator(plan.Scales);
        var accepted = new List<Nomination>();
        var outcomes = new List<NomineeOutcome>();
        foreach (var proposal in proposals)
        {
            // Picked levels judge the lower round's nominees under their own round's rules.
            var nomination = proposal.Nomination with { Round = round.Id };
            var eligible = Eligibility(plan, round, eligibility, nomination);
            var dossier = round.Dossier is { } requirement ? DossierChecker.Check(requirement, nomination.Kind, proposal.Documents) : null;
            IReadOnlyList<QuotaViolation> overQuota = [];
            if (eligible.Eligible && (dossier?.Complete ?? true))
            {
                overQuota = quotas.CheckAddition(accepted, nomination).Violations;
                if (overQuota.Count == 0)
                {
                    accepted.Add(nomination);
                }
            }

            outcomes.Add(new NomineeOutcome(nomination, eligible, dossier, overQuota));
        }

        var shortfalls = quotas.Check(accepted).Violations.Where(v => v.Limit == QuotaLimit.MinPolice).ToList();
        return new RoundOutcome(round.Id, outcomes, shortfalls);
    }

    private static EligibilityResult Eligibility(Plan plan, NominationRound round, EligibilityEvaluator evaluator, Nomination nomination)
    {
        var judging = round.Eligibility.Count == 0 && round.PickedFrom is { } lower
            ? plan.NominationRounds.FirstOrDefault(r => r.Id == lower) ?? round
            : round;
        if (judging.Eligibility.Count == 0)
        {
            return new EligibilityResult(nomination.Profile, []);
        }

        var profile = judging.Eligibility.FirstOrDefault(p => p.Id == nomination.Profile);
        var result = profile is null
            ? new EligibilityResult(nomination.Profile, [new EligibilityFailure("profile", "Đối tượng xét khen thưởng", [$"«{nomination.Profile}» không phải đối tượng xét của «{judging.Title}»"])])
            : evaluator.Evaluate(profile, nomination);
        return round.PickedFrom is null ? result : result.RequiringEvidence();
    }
}
