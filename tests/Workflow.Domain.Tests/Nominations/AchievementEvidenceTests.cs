using Workflow.Domain.Consolidation;
using Workflow.Domain.Nominations;

namespace Workflow.Domain.Tests.Nominations;

/// <summary>
/// Eligibility from achievement records: refused records count for nothing, a criterion met only by records without a
/// decision's file or an operator's check is "chưa có minh chứng", and the province's picks require evidence.
/// </summary>
public sealed class AchievementEvidenceTests
{
    private const string Profile = "tap-the-cong-an-xa";
    private const string Rule = "3-nam-tien-tien-1-quyet-thang";
    private static readonly EligibilityEvaluator Evaluator = new(BacGiangSample.Plan.Scales);
    private static readonly DateTimeOffset At = new(2024, 4, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryRecordEvidenced_IsEligibleWithNothingFlagged()
    {
        var result = Evaluate(Records(evidenced: true));

        Assert.True(result.Eligible, string.Join(" ", result.Failures.Select(f => f.Message)));
        Assert.True(result.Evidenced);
    }

    [Fact]
    public void DecisiveYearWithoutEvidence_IsEligibleButFlaggedNamingTheRecord()
    {
        var records = Records(evidenced: true).Select(r => r.Year == 2023 ? r with { Evidence = null } : r).ToList();

        var result = Evaluate(records);

        Assert.True(result.Eligible);
        var flag = Assert.Single(result.Unevidenced);
        Assert.Equal(Rule, flag.RuleId);
        Assert.StartsWith("Chưa có minh chứng cho tiêu chuẩn", flag.Message, StringComparison.Ordinal);
        Assert.Contains("năm 2023 «Đơn vị quyết thắng» (Quyết định số 45/QĐ-CAT)", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorVerifyingTheRecord_ClearsTheFlag()
    {
        var records = Records(evidenced: true)
            .Select(r => r.Year == 2023 ? r with { Evidence = null, Review = new RecordReview(ReviewVerdict.Verified, null, "pv01", At) } : r).ToList();

        Assert.True(Evaluate(records).Evidenced);
    }

    [Fact]
    public void OperatorRefusingTheOnlyDecisiveYear_FailsTheCriterion()
    {
        var records = Records(evidenced: true)
            .Select(r => r.Year == 2023 ? r with { Review = new RecordReview(ReviewVerdict.Refused, "Quyết định không đúng đơn vị", "pv01", At) } : r).ToList();

        var result = Evaluate(records);

        Assert.False(result.Eligible);
        Assert.Equal(Rule, Assert.Single(result.Failures).RuleId);
    }

    [Fact]
    public void BareYearlyDeclarationsOfOlderClients_CountButAreUnevidenced()
    {
        var nomination = Nomination([]) with
        {
            Record = new NomineeRecord
            {
                Yearly = new Dictionary<string, IReadOnlyDictionary<int, string>>
                {
                    ["danh-hieu-tap-the"] = new Dictionary<int, string> { [2021] = "don-vi-tien-tien", [2022] = "don-vi-tien-tien", [2023] = "don-vi-quyet-thang" },
                },
                Flags = Clean,
            },
        };

        var result = Evaluator.Evaluate(BacGiangSample.Plan.NominationRounds[0].Eligibility.Single(p => p.Id == Profile), nomination);

        Assert.True(result.Eligible);
        Assert.Contains("chỉ được kê khai", Assert.Single(result.Unevidenced).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PickedLevel_RefusesAPickWhoseCriteriaStandOnlyOnClaims_AndTakesTheEvidencedOne()
    {
        var proven = Nomination(Records(evidenced: true)) with { Id = "a" };
        var claimed = Nomination(Records(evidenced: false)) with { Id = "b" };
        var dossier = BacGiangSample.Plan.NominationRounds.Single(r => r.Id == "bang-khen-chu-tich-tinh").Dossier!.Documents
            .Select(d => new SubmittedDocument(d.Id, d.MaxLinesForCollective is null ? null : 10)).ToList();

        var lower = RoundEvaluator.Evaluate(BacGiangSample.Plan, "giay-khen-giam-doc", [new(proven, dossier), new(claimed, dossier)]);
        var picked = RoundEvaluator.Evaluate(BacGiangSample.Plan, "bang-khen-chu-tich-tinh", [new(proven, dossier), new(claimed, dossier)]);

        Assert.Equal(2, lower.Nominees.Count(n => n.Eligibility.Eligible));
        Assert.True(picked.Nominees.Single(n => n.Nomination.Id == "a").Eligibility.Eligible);
        var refused = picked.Nominees.Single(n => n.Nomination.Id == "b").Eligibility;
        Assert.False(refused.Eligible);
        Assert.All(refused.Failures, f => Assert.True(f.Unevidenced));
    }

    [Theory]
    [InlineData("Công an xã  Đồng Lạc", "tap-the.x.cong-an-xa-dong-lac")]
    [InlineData("công an xã Đồng Lạc", "tap-the.x.cong-an-xa-dong-lac")]
    public void Identity_IgnoresCaseDiacriticsAndSpacing(string name, string expected) =>
        Assert.Equal(expected, NomineeIdentity.Of(NomineeKind.Collective, "x", name, null));

    [Fact]
    public void Identity_OfAPersonWithAPersonalId_IsTheirIdAlone() =>
        Assert.Equal("ca-nhan.024090001234", NomineeIdentity.Of(NomineeKind.Individual, "bcd-yen-the", "Nguyễn Văn An", "024090001234"));

    private static readonly Dictionary<string, bool> Clean = new()
    {
        ["nam2024CoCanBoPhanLoai4HoacKyLuat"] = false,
        ["dangXetHoacThiHanhKyLuat"] = false,
        ["dangThanhTraKiemTra"] = false,
        ["dangXacMinhDonThu"] = false,
    };

    private static EligibilityResult Evaluate(IReadOnlyList<AchievementRecord> records) =>
        Evaluator.Evaluate(BacGiangSample.Plan.NominationRounds[0].Eligibility.Single(p => p.Id == Profile), Nomination(records));

    private static Nomination Nomination(IReadOnlyList<AchievementRecord> records) => new()
    {
        Id = "de-nghi-01",
        Round = "giay-khen-giam-doc",
        ProposedBy = "bcd-yen-the",
        NomineeUnit = "bcd-yen-the",
        Kind = NomineeKind.Collective,
        Name = "Công an xã Đồng Lạc",
        IsPolice = true,
        Profile = Profile,
        Record = new NomineeRecord { Flags = Clean },
        Achievements = records,
    };

    private static List<AchievementRecord> Records(bool evidenced) =>
    [
        Title(2021, "don-vi-tien-tien", "Đơn vị tiên tiến", "12/QĐ-CAT", evidenced),
        Title(2022, "don-vi-tien-tien", "Đơn vị tiên tiến", "30/QĐ-CAT", evidenced),
        Title(2023, "don-vi-quyet-thang", "Đơn vị quyết thắng", "45/QĐ-CAT", evidenced),
    ];

    private static AchievementRecord Title(int year, string level, string title, string decision, bool evidenced) => new()
    {
        Id = $"r{year}",
        Year = year,
        Title = title,
        Scale = "danh-hieu-tap-the",
        Level = level,
        DecisionNumber = decision,
        DecisionDate = new DateOnly(year, 12, 20),
        Issuer = "Giám đốc Công an tỉnh Bắc Giang",
        Evidence = evidenced ? new EvidenceFile($"minh-chung.r{year}", $"qd-{year}.pdf", new string('a', 64)) : null,
    };
}
