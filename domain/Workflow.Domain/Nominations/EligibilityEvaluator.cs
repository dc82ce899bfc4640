namespace Workflow.Domain.Nominations;

/// <summary>
/// Evaluates a nominee's declared record against an eligibility profile (000 section III.3) on the plan's scales.
/// A fact the unit did not declare never counts as met: the council needs it on file. Records read back from storage
/// may lack parts (a missing record, a null map or level): that fails the criterion with a reason, it never throws.
/// </summary>
public sealed class EligibilityEvaluator
{
    /// <summary>The rule id reported when the nominee's kind (tập thể / cá nhân) is not the profile's.</summary>
    public const string KindRuleId = "nominee-kind";

    private static readonly NomineeRecord Empty = new();

    private readonly Dictionary<string, Scale> _scales;

    public EligibilityEvaluator(IEnumerable<Scale> scales)
    {
        ArgumentNullException.ThrowIfNull(scales);
        _scales = scales.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Every rule of the profile the record fails.</summary>
    public EligibilityResult Evaluate(EligibilityProfile profile, NomineeRecord? record)
    {
        ArgumentNullException.ThrowIfNull(profile);
        record ??= Empty;
        var failures = new List<EligibilityFailure>();
        foreach (var rule in profile.Rules)
        {
            var reasons = Reasons(rule, record);
            if (reasons.Count > 0)
            {
                failures.Add(new EligibilityFailure(rule.Id, rule.Description, reasons));
            }
        }

        return new EligibilityResult(profile.Id, failures);
    }

    /// <summary>As <see cref="Evaluate(EligibilityProfile, NomineeRecord)"/>, and the nominee's kind must be the profile's.</summary>
    public EligibilityResult Evaluate(EligibilityProfile profile, NomineeKind kind, NomineeRecord? record)
    {
        var result = Evaluate(profile, record);
        return CheckKind(profile, kind) is { } mismatch ? result with { Failures = [mismatch, .. result.Failures] } : result;
    }

    /// <summary>
    /// Judges the nominee on every record that counts (its achievement records not refused by an operator, and any bare
    /// yearly level an older client declared), then again on the evidenced records alone: a rule met the first way but
    /// not the second is met only by claims, and is reported in <see cref="EligibilityResult.Unevidenced"/>.
    /// </summary>
    public EligibilityResult Evaluate(EligibilityProfile profile, Nomination nomination)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(nomination);
        var achievements = nomination.Achievements ?? [];
        var claimed = Evaluate(profile, nomination.Kind, WithRecords(nomination.Record, achievements.Where(a => a.Counts), declared: true));
        var proven = Evaluate(profile, WithRecords(nomination.Record, achievements.Where(a => a.Evidenced), declared: false));
        var unevidenced = profile.Rules
            .Where(rule => proven.Failed(rule.Id) && !claimed.Failed(rule.Id))
            .Select(rule => new EligibilityFailure(rule.Id, rule.Description, Claims(rule, nomination), Unevidenced: true))
            .ToList();
        return claimed with { Unevidenced = unevidenced };
    }

    /// <summary>The declared facts with the yearly levels the records give; the best level of a year stands.</summary>
    private NomineeRecord WithRecords(NomineeRecord? declaredRecord, IEnumerable<AchievementRecord> records, bool declared)
    {
        var yearly = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
        void Add(string scaleId, int year, string level)
        {
            if (!yearly.TryGetValue(scaleId, out var years))
            {
                yearly[scaleId] = years = [];
            }

            var better = !years.TryGetValue(year, out var current)
                || (_scales.TryGetValue(scaleId, out var scale) && scale.Rank(level) > scale.Rank(current));
            if (better)
            {
                years[year] = level;
            }
        }

        if (declared && declaredRecord?.Yearly is { } bare)
        {
            foreach (var (scaleId, years) in bare)
            {
                foreach (var (year, level) in years ?? new Dictionary<int, string>())
                {
                    if (level is not null)
                    {
                        Add(scaleId, year, level);
                    }
                }
            }
        }

        foreach (var record in records.Where(r => r.Scale is not null && r.Level is not null))
        {
            Add(record.Scale!, record.Year, record.Level!);
        }

        return (declaredRecord ?? Empty) with { Yearly = yearly.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<int, string>)p.Value, StringComparer.Ordinal) };
    }

    /// <summary>The claims without evidence a rule leans on: the unevidenced records (and bare declarations) of its scales.</summary>
    private List<string> Claims(EligibilityRule rule, Nomination nomination)
    {
        var scales = ScalesOf(rule).ToHashSet(StringComparer.Ordinal);
        var claims = (nomination.Achievements ?? [])
            .Where(a => a.Counts && !a.Evidenced && a.Scale is not null && scales.Contains(a.Scale))
            .OrderBy(a => a.Year)
            .Select(a => $"năm {a.Year} «{a.Title}»{(a.DecisionNumber is null ? "" : $" (Quyết định số {a.DecisionNumber})")} chưa có bản quyết định và chưa được xác minh")
            .ToList();
        foreach (var (scaleId, years) in nomination.Record?.Yearly ?? new Dictionary<string, IReadOnlyDictionary<int, string>>())
        {
            if (scales.Contains(scaleId) && years is not null)
            {
                var label = _scales.TryGetValue(scaleId, out var scale) ? scale : null;
                claims.AddRange(years.OrderBy(y => y.Key).Where(y => y.Value is not null)
                    .Select(y => $"năm {y.Key} «{label?.Label(y.Value) ?? y.Value}» chỉ được kê khai, không có quyết định kèm theo"));
            }
        }

        return claims.Count > 0 ? claims : ["thành tích nêu trong hồ sơ chưa có minh chứng"];
    }

    private static IEnumerable<string> ScalesOf(EligibilityRule rule) => rule switch
    {
        YearlyLevelRule yearly => [yearly.Scale],
        AnyOfRule anyOf => anyOf.Alternatives.SelectMany(ScalesOf),
        _ => [],
    };

    /// <summary>Null when the kinds agree; otherwise the failure naming both.</summary>
    public static EligibilityFailure? CheckKind(EligibilityProfile profile, NomineeKind kind)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.NomineeKind == kind
            ? null
            : new EligibilityFailure(KindRuleId, "Đối tượng khen thưởng đúng loại tiêu chuẩn",
                [$"Tiêu chuẩn «{profile.Name}» dành cho {KindName(profile.NomineeKind)}, nhưng đối tượng đề nghị là {KindName(kind)}"]);
    }

    public static string KindName(NomineeKind kind) => kind == NomineeKind.Collective ? "tập thể" : "cá nhân";

    private List<string> Reasons(EligibilityRule rule, NomineeRecord record) => rule switch
    {
        YearlyLevelRule yearly => Yearly(yearly, record),
        FlagRule flag => Flag(flag, record),
        MinimumNumberRule number => Number(number, record),
        AnyOfRule anyOf => AnyOf(anyOf, record),
        _ => [$"Loại tiêu chuẩn «{rule.GetType().Name}» chưa được hỗ trợ"],
    };

    private List<string> Yearly(YearlyLevelRule rule, NomineeRecord record)
    {
        if (!_scales.TryGetValue(rule.Scale, out var scale))
        {
            return [$"Thang đánh giá «{rule.Scale}» không có trong kế hoạch"];
        }

        var minimum = scale.Rank(rule.Minimum);
        var atLeast = rule.AtLeastLevel is null ? -1 : scale.Rank(rule.AtLeastLevel);
        if (minimum < 0 || (rule.AtLeastLevel is not null && atLeast < 0))
        {
            // A level the scale lacks would make every year pass; refuse to judge rather than approve.
            return [$"Tiêu chuẩn nêu mức không có trong thang «{scale.Name}»"];
        }

        var declared = record.Yearly?.GetValueOrDefault(rule.Scale) ?? new Dictionary<int, string>();
        var reasons = new List<string>();
        var reaching = 0;
        for (var year = rule.FromYear; year <= rule.ToYear; year++)
        {
            if (!declared.TryGetValue(year, out var level) || level is null)
            {
                reasons.Add($"Năm {year} chưa khai báo «{scale.Name}»");
                continue;
            }

            var rank = scale.Rank(level);
            if (rank < 0)
            {
                reasons.Add($"Năm {year} khai báo «{level}», không có trong thang «{scale.Name}»");
                continue;
            }

            if (rank < minimum)
            {
                reasons.Add($"Năm {year} chỉ đạt «{scale.Label(level)}», yêu cầu «{scale.Label(rule.Minimum)}» trở lên");
            }

            if (rule.AtLeastLevel is not null && rank >= atLeast)
            {
                reaching++;
            }
        }

        if (rule.AtLeastLevel is not null && reaching < rule.AtLeastCount)
        {
            reasons.Add($"Chỉ có {reaching} năm đạt «{scale.Label(rule.AtLeastLevel)}», yêu cầu ít nhất {rule.AtLeastCount}");
        }

        return reasons;
    }

    private static List<string> Flag(FlagRule rule, NomineeRecord record)
    {
        if (record.Flags is not { } flags || !flags.TryGetValue(rule.Flag, out var value))
        {
            return [$"Chưa khai báo «{rule.Description}»"];
        }

        return value == rule.Required ? [] : [$"Khai báo «{YesNo(value)}», yêu cầu «{YesNo(rule.Required)}»"];
    }

    private static string YesNo(bool value) => value ? "có" : "không";

    private static List<string> Number(MinimumNumberRule rule, NomineeRecord record)
    {
        if (record.Numbers is not { } numbers || !numbers.TryGetValue(rule.Number, out var value))
        {
            return [$"Chưa khai báo «{rule.Description}»"];
        }

        return value >= rule.Minimum ? [] : [$"Chỉ có {value:0.##}, yêu cầu ít nhất {rule.Minimum:0.##}"];
    }

    private List<string> AnyOf(AnyOfRule rule, NomineeRecord record)
    {
        var failed = new List<string>();
        foreach (var alternative in rule.Alternatives)
        {
            var reasons = Reasons(alternative, record);
            if (reasons.Count == 0)
            {
                return [];
            }

            failed.Add($"«{alternative.Description}»: {string.Join(", ", reasons)}");
        }

        return [$"Không đáp ứng phương án nào — {string.Join(" | ", failed)}"];
    }
}
