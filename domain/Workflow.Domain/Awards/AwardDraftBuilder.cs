using System.Globalization;

namespace Workflow.Domain.Awards;

/// <summary>
/// Works out the tờ trình and quyết định of one award level from the plan and the nominations the round awarded:
/// who submits, who decides, on which legal basis, and one annex line per awardee. Pure: the writers lay it out.
/// </summary>
public static class AwardDraftBuilder
{
    public const string Law = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022";

    public const string Decree =
        "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng";

    /// <summary>The achievement of a nominee whose record holds no evidenced entry.</summary>
    public const string DefaultAchievement = "Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc";

    private const string DateFormat = "dd/MM/yyyy";

    public static AwardDraft Build(
        Plan plan,
        string cycleId,
        NominationRound round,
        IReadOnlyList<Nomination> awarded,
        int proposed,
        int refused,
        DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(awarded);

        var place = PlaceOf(plan);
        var (decision, submission, authority) = Authorities(round.AwardLevel, place, plan.Issuer);
        var planReference = $"Kế hoạch số {plan.Number} ngày {Format(plan.IssuedOn)} của {plan.Issuer}";
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in plan.AllUnits())
        {
            units.TryAdd(unit.Id, unit.Name);
        }

        return new AwardDraft
        {
            CycleId = cycleId,
            RoundId = round.Id,
            Level = round.AwardLevel,
            AwardTitle = AwardTitle(round.Title),
            Place = place,
            Date = date,
            Submission = submission,
            Decision = decision,
            Authority = authority,
            Achievement = plan.Title,
            PlanReference = planReference,
            LegalBasis = LegalBasis(plan, planReference),
            Awardees =
            [
                .. awarded.Where(n => n.Kind == NomineeKind.Collective).Concat(awarded.Where(n => n.Kind == NomineeKind.Individual))
                    .Select(n => new Awardee(
                        n.Id, n.Kind, n.Name, n.Position, units.GetValueOrDefault(n.NomineeUnit, n.NomineeUnit), AchievementOf(n), n.Identity)),
            ],
            Proposed = proposed,
            Refused = refused,
            SubmissionRecipients = ["Như trên", $"Lưu: VT, {Suffix(submission.Symbol)}"],
            DecisionRecipients = ["Như Điều 3", OrganName.SentenceCase(submission.Organ, place), "Lưu: VT, TĐKT"],
        };
    }

    /// <summary>The plan's place, else the name after the issuer's last "tỉnh " or "thành phố ", else the issuer.</summary>
    public static string PlaceOf(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!string.IsNullOrWhiteSpace(plan.Place))
        {
            return plan.Place.Trim();
        }

        var best = -1;
        foreach (var marker in (string[])["tỉnh ", "thành phố "])
        {
            var at = plan.Issuer.LastIndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at + marker.Length > best)
            {
                best = at + marker.Length;
            }
        }

        var place = best >= 0 ? plan.Issuer[best..].Trim() : "";
        return place.Length > 0 ? place : plan.Issuer;
    }

    /// <summary>A date as people read it in citations: "05/02/2024".</summary>
    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The achievement text of a nominee: each evidenced record, by year then title, with its decision; declared or
    /// refused records are not cited in an official decision.
    /// </summary>
    public static string AchievementOf(Nomination nomination)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        var records = nomination.Achievements.Where(r => r.Evidenced)
            .OrderBy(r => r.Year).ThenBy(r => r.Title, StringComparer.Ordinal)
            .Select(Cite)
            .ToList();
        return records.Count == 0 ? DefaultAchievement : string.Join("; ", records);
    }

    private static string Cite(AchievementRecord record)
    {
        var decision = new List<string>(3);
        if (record.DecisionNumber is { } number)
        {
            decision.Add($"Quyết định số {number}");
        }

        if (record.DecisionDate is { } date)
        {
            decision.Add($"ngày {Format(date)}");
        }

        if (record.Issuer is { } issuer)
        {
            decision.Add($"của {issuer}");
        }

        var text = $"{record.Title} năm {record.Year.ToString(CultureInfo.InvariantCulture)}";
        return decision.Count == 0 ? text : $"{text} ({string.Join(' ', decision)})";
    }

    private static (DocumentHeader Decision, DocumentHeader Submission, string Authority) Authorities(
        AwardLevel level, string place, string issuer)
    {
        var upper = OrganName.Upper(place);
        var provincePolice = new DocumentHeader("BỘ CÔNG AN", $"CÔNG AN TỈNH {upper}", "TTr-CAT", "GIÁM ĐỐC");
        return level switch
        {
            AwardLevel.PoliceDirectorCertificate => (
                new DocumentHeader("BỘ CÔNG AN", $"CÔNG AN TỈNH {upper}", "QĐ-CAT", "GIÁM ĐỐC"),
                new DocumentHeader($"CÔNG AN TỈNH {upper}", "PHÒNG THAM MƯU", "TTr-PV01", "TRƯỞNG PHÒNG"),
                $"Giám đốc Công an tỉnh {place}"),
            AwardLevel.ProvinceChairCertificate or AwardLevel.EmulationFlag => (
                new DocumentHeader(null, $"ỦY BAN NHÂN DÂN TỈNH {upper}", "QĐ-UBND", "CHỦ TỊCH"),
                provincePolice,
                $"Chủ tịch Ủy ban nhân dân tỉnh {place}"),
            AwardLevel.MinisterCertificate => (
                new DocumentHeader(null, "BỘ CÔNG AN", "QĐ-BCA", "BỘ TRƯỞNG"),
                provincePolice,
                "Bộ trưởng Bộ Công an"),
            // The district's own steering committee proposes; the province police is not its superior organ.
            AwardLevel.DistrictChairCertificate => (
                new DocumentHeader(null, $"ỦY BAN NHÂN DÂN {upper}", "QĐ-UBND", "CHỦ TỊCH"),
                new DocumentHeader(null, OrganName.Upper(issuer), "TTr", "TRƯỞNG BAN"),
                $"Chủ tịch Ủy ban nhân dân {place}"),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
        };
    }

    private static IReadOnlyList<string> LegalBasis(Plan plan, string planReference)
    {
        var basis = new List<string> { Law };
        // A plan that already cites the decree (often with its own note) keeps its wording, not a second citation.
        if (!plan.LegalBasis.Any(b => b.Contains("98/2023", StringComparison.Ordinal)))
        {
            basis.Add(Decree);
        }

        basis.AddRange(plan.LegalBasis);
        basis.Add(planReference);
        return basis;
    }

    // A round's title may carry the plan's note on criteria: "… Bộ Công an (tiêu chuẩn, số lượng theo hướng dẫn …)".
    private static string AwardTitle(string title)
    {
        var trimmed = title.Trim();
        if (trimmed.EndsWith(')') && trimmed.LastIndexOf(" (", StringComparison.Ordinal) is > 0 and var open)
        {
            return trimmed[..open].TrimEnd();
        }

        return trimmed;
    }

    // "TTr-PV01" is filed under PV01; a symbol without an organ part is filed under itself.
    private static string Suffix(string symbol) => symbol.LastIndexOf('-') is >= 0 and var dash ? symbol[(dash + 1)..] : symbol;
}
