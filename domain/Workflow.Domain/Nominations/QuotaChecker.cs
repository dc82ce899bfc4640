namespace Workflow.Domain.Nominations;

/// <summary>
/// Checks the nominations of one round against the round's structured quotas (000 section III.2), using the plan's
/// units to resolve blocks and managing departments. Groups only exist where someone was proposed: a unit that
/// proposes nobody breaks no quota.
/// </summary>
public sealed class QuotaChecker
{
    /// <summary>The rule id reported for a nominee outside every rule of an exhaustive structure.</summary>
    public const string StructureRuleId = "structure";

    private readonly NominationRound _round;
    private readonly Dictionary<string, Unit> _units;

    public QuotaChecker(NominationRound round, IEnumerable<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(units);
        _round = round;
        _units = units.GroupBy(u => u.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public QuotaChecker(Plan plan, string roundId)
        : this(FindRound(plan, roundId), plan.Units)
    {
    }

    /// <summary>
    /// Every limit every group breaks, and every nominee outside the structure when the quotas are exhaustive.
    /// Nominations of other rounds are left out of the count.
    /// </summary>
    public QuotaCheckResult Check(IEnumerable<Nomination> nominations)
    {
        ArgumentNullException.ThrowIfNull(nominations);
        var inRound = nominations.Where(n => n.Round == _round.Id).ToList();
        var violations = new List<QuotaViolation>();
        foreach (var rule in _round.Quotas)
        {
            foreach (var group in Groups(rule, inRound))
            {
                violations.AddRange(Limits(rule, group.Key, group.ToList(), includeMinimums: true));
            }
        }

        violations.AddRange(OutsideStructure(inRound));
        return new QuotaCheckResult(violations);
    }

    /// <summary>
    /// Whether accepting one more proposal would break a quota, given those already accepted. Only upper limits and
    /// the structure count here: a minimum ("trong đó có 01 thuộc lực lượng Công an") can still be met by a later file.
    /// </summary>
    public QuotaCheckResult CheckAddition(IEnumerable<Nomination> accepted, Nomination candidate)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(candidate);
        var all = accepted.Where(n => n.Round == _round.Id && n.Id != candidate.Id).Append(candidate).ToList();
        var violations = new List<QuotaViolation>();
        foreach (var rule in _round.Quotas.Where(r => Matches(r.Match, candidate)))
        {
            var key = GroupKey(rule.Per, candidate);
            var group = all.Where(n => Matches(rule.Match, n) && GroupKey(rule.Per, n) == key).ToList();
            violations.AddRange(Limits(rule, key, group, includeMinimums: false)
                .Where(v => v.Limit != QuotaLimit.MaxPolice || candidate.IsPolice)
                .Where(v => v.Limit != QuotaLimit.MaxCollective || candidate.Kind == NomineeKind.Collective)
                .Where(v => v.Limit != QuotaLimit.MaxIndividual || candidate.Kind == NomineeKind.Individual));
        }

        violations.AddRange(OutsideStructure([candidate]));
        return new QuotaCheckResult(violations);
    }

    private static NominationRound FindRound(Plan plan, string roundId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.NominationRounds.FirstOrDefault(r => r.Id == roundId)
            ?? throw new ArgumentException($"Kế hoạch không có đợt đề nghị khen thưởng «{roundId}».", nameof(roundId));
    }

    private IEnumerable<IGrouping<string, Nomination>> Groups(QuotaRule rule, List<Nomination> nominations) =>
        nominations.Where(n => Matches(rule.Match, n)).GroupBy(n => GroupKey(rule.Per, n), StringComparer.Ordinal);

    private static string GroupKey(QuotaGrouping per, Nomination nomination) => per switch
    {
        QuotaGrouping.Proposer => nomination.ProposedBy,
        QuotaGrouping.NomineeUnit => nomination.NomineeUnit,
        _ => string.Empty,
    };

    private string? GroupName(QuotaGrouping per, string key) =>
        per == QuotaGrouping.All ? null : _units.TryGetValue(key, out var unit) ? unit.Name : key;

    private bool Matches(QuotaMatch match, Nomination nomination)
    {
        var proposer = _units.GetValueOrDefault(nomination.ProposedBy);
        var nominee = _units.GetValueOrDefault(nomination.NomineeUnit);
        return Allows(match.ProposerUnits, nomination.ProposedBy)
            && Allows(match.ProposerBlocks, proposer?.Block)
            && Allows(match.NomineeUnits, nomination.NomineeUnit)
            && Allows(match.NomineeBlocks, nominee?.Block)
            && Allows(match.NomineeManagedBy, nominee?.ManagedBy);
    }

    // An empty list places no condition; a set list needs a known value in it.
    private static bool Allows(IReadOnlyList<string> allowed, string? value) =>
        allowed.Count == 0 || (value is not null && allowed.Contains(value));

    private IEnumerable<QuotaViolation> Limits(QuotaRule rule, string key, List<Nomination> group, bool includeMinimums)
    {
        var name = GroupName(rule.Per, key);
        var collectives = group.Where(n => n.Kind == NomineeKind.Collective).ToList();
        var individuals = group.Where(n => n.Kind == NomineeKind.Individual).ToList();
        var police = group.Where(n => n.IsPolice).ToList();

        if (rule.Max is { } max && group.Count > max)
        {
            yield return Over(rule, name, QuotaLimit.Max, group, max, "tập thể, cá nhân");
        }

        if (rule.MaxCollective is { } maxCollective && collectives.Count > maxCollective)
        {
            yield return Over(rule, name, QuotaLimit.MaxCollective, collectives, maxCollective, "tập thể");
        }

        if (rule.MaxIndividual is { } maxIndividual && individuals.Count > maxIndividual)
        {
            yield return Over(rule, name, QuotaLimit.MaxIndividual, individuals, maxIndividual, "cá nhân");
        }

        if (rule.MaxPolice is { } maxPolice && police.Count > maxPolice)
        {
            yield return Over(rule, name, QuotaLimit.MaxPolice, police, maxPolice, "tập thể, cá nhân thuộc lực lượng Công an");
        }

        if (includeMinimums && rule.MinPolice is { } minPolice && police.Count < minPolice)
        {
            yield return new QuotaViolation(rule.Id, rule.Description, name, QuotaLimit.MinPolice, police.Count, minPolice,
                [.. group.Select(n => n.Id)],
                $"Chưa đủ cơ cấu: «{rule.Description}» — {Prefix(name)}có {police.Count} tập thể, cá nhân thuộc lực lượng Công an, tối thiểu {minPolice}.");
        }
    }

    private static QuotaViolation Over(QuotaRule rule, string? name, QuotaLimit limit, List<Nomination> counted, int allowed, string what) =>
        new(rule.Id, rule.Description, name, limit, counted.Count, allowed, [.. counted.Select(n => n.Id)],
            $"Vượt chỉ tiêu: «{rule.Description}» — {Prefix(name)}đề nghị {counted.Count} {what}, tối đa {allowed}.");

    private static string Prefix(string? group) => group is null ? string.Empty : $"{group} ";

    private IEnumerable<QuotaViolation> OutsideStructure(IEnumerable<Nomination> nominations)
    {
        if (!_round.QuotasAreExhaustive)
        {
            yield break;
        }

        var structure = _round.Quotas.Where(r => !r.IsTotal).ToList();
        foreach (var nomination in nominations.Where(n => !structure.Any(r => Matches(r.Match, n))))
        {
            var unit = _units.TryGetValue(nomination.NomineeUnit, out var u) ? u.Name : nomination.NomineeUnit;
            yield return new QuotaViolation(StructureRuleId, "Cơ cấu được phân bổ", unit, QuotaLimit.Structure, 1, 0, [nomination.Id],
                $"Không thuộc cơ cấu được phân bổ: «{nomination.Name}» ({unit}) không thuộc cơ cấu được phân bổ của «{_round.Title}».");
        }
    }
}
