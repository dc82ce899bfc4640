using Workflow.Domain.Nominations;

namespace Workflow.Domain.Tests.Nominations;

/// <summary>The seed-000 award structure (section III.2) as the real sample plan encodes it.</summary>
public sealed class QuotaCheckerTests
{
    private static readonly string[] NamedBodies = ["vp-ubnd-tinh", "bao-bac-giang", "dai-pt-th-tinh", "bo-chqs-tinh"];
    private static readonly string[] SixDepartments = ["ctd-ctct", "pc02", "pc04", "pc06", "pc07", "pc08"];

    private static QuotaChecker Director => new(BacGiangSample.Plan, BacGiangSample.DirectorRound);

    private static QuotaChecker Chair => new(BacGiangSample.Plan, BacGiangSample.ChairRound);

    [Fact]
    public void ProvincialStructure_AddsUpToTwentyEight()
    {
        var quotas = BacGiangSample.Round(BacGiangSample.DirectorRound).Quotas.ToDictionary(q => q.Id);

        Assert.Equal(28, quotas["gd-tinh-28"].Max);
        Assert.Equal(12, quotas["gd-cqdncsgd-12"].Max);
        Assert.Equal(quotas["gd-cqdncsgd-12"].Max, quotas["gd-cqdncsgd-pa03-5"].Max + quotas["gd-cqdncsgd-pa04-7"].Max);
        var structure = quotas["gd-cqdncsgd-12"].Max
            + (quotas["gd-co-quan-rieng"].Max * quotas["gd-co-quan-rieng"].Match.NomineeUnits.Count)
            + ((quotas["gd-pv01-pa03-pa04"].MaxCollective + quotas["gd-pv01-pa03-pa04"].MaxIndividual) * quotas["gd-pv01-pa03-pa04"].Match.NomineeUnits.Count)
            + (quotas["gd-phong-khac"].Max * quotas["gd-phong-khac"].Match.NomineeUnits.Count);
        Assert.Equal(28, structure);
    }

    [Fact]
    public void ChairStructure_AddsUpToTen()
    {
        var quotas = BacGiangSample.Round(BacGiangSample.ChairRound).Quotas.ToDictionary(q => q.Id);

        Assert.True(quotas["ct-tong-10"].IsTotal);
        Assert.Equal(10, quotas["ct-tong-10"].Max);
        var structure = new[] { "ct-khoi-huyen", "ct-cqdncsgd", "ct-cong-an-tinh" }
            .Sum(id => quotas[id].MaxCollective!.Value + quotas[id].MaxIndividual!.Value);
        Assert.Equal(10, structure);
    }

    [Fact]
    public void FullProvincialTwentyEight_WithEveryDistrictsOnePlusTwo_IsWithinQuota()
    {
        var nominations = ProvincialTwentyEight().Concat(AllDistricts()).ToList();

        var result = Director.Check(nominations);

        Assert.Equal(58, nominations.Count);
        Assert.True(result.WithinQuota, string.Join(Environment.NewLine, result.Violations.Select(v => v.Message)));
    }

    [Fact]
    public void OneExtraPa04ManagedNominee_ExceedsTheSevenRule()
    {
        var extra = BacGiangSample.Nominee("extra", "pa04", BacGiangSample.ManagedBy("pa04").Skip(7).First().Id, NomineeKind.Collective);

        var result = Director.Check([.. ProvincialTwentyEight(), extra]);

        var seven = Assert.Single(result.Violations, v => v.RuleId == "gd-cqdncsgd-pa04-7");
        Assert.Equal((8, 7, QuotaLimit.Max), (seven.Found, seven.Allowed, seven.Limit));
        Assert.Contains("Phòng An ninh kinh tế", seven.RuleDescription, StringComparison.Ordinal);
        Assert.StartsWith("Vượt chỉ tiêu: «07 tập thể, cá nhân thuộc Khối cơ quan, doanh nghiệp", seven.Message, StringComparison.Ordinal);
        Assert.EndsWith("đề nghị 8 tập thể, cá nhân, tối đa 7.", seven.Message, StringComparison.Ordinal);
        Assert.Contains(result.Violations, v => v.RuleId == "gd-cqdncsgd-12" && v.Found == 13);
        Assert.Contains(result.Violations, v => v.RuleId == "gd-tinh-28" && v.Found == 29);
        Assert.DoesNotContain(result.Violations, v => v.RuleId == "gd-cqdncsgd-pa03-5");
    }

    [Fact]
    public void DistrictProposal_WithTwoCollectives_ExceedsTheCollectiveLimit()
    {
        var nominations = new[]
        {
            BacGiangSample.Nominee("c1", "bcd-yen-the", "bcd-yen-the", NomineeKind.Collective, isPolice: true),
            BacGiangSample.Nominee("c2", "bcd-yen-the", "bcd-yen-the", NomineeKind.Collective),
            BacGiangSample.Nominee("i1", "bcd-yen-the", "bcd-yen-the", NomineeKind.Individual),
        };

        var result = Director.Check(nominations);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("gd-huyen", QuotaLimit.MaxCollective, "Ban Chỉ đạo huyện Yên Thế"), (violation.RuleId, violation.Limit, violation.Group));
        Assert.EndsWith("— Ban Chỉ đạo huyện Yên Thế đề nghị 2 tập thể, tối đa 1.", violation.Message, StringComparison.Ordinal);
        Assert.Equal(["c1", "c2"], violation.NominationIds);
    }

    [Fact]
    public void DistrictProposal_WithThreeIndividuals_ExceedsTheIndividualLimit()
    {
        var nominations = new[]
        {
            BacGiangSample.Nominee("i1", "bcd-luc-ngan", "bcd-luc-ngan", NomineeKind.Individual, isPolice: true),
            BacGiangSample.Nominee("i2", "bcd-luc-ngan", "bcd-luc-ngan", NomineeKind.Individual),
            BacGiangSample.Nominee("i3", "bcd-luc-ngan", "bcd-luc-ngan", NomineeKind.Individual),
        };

        var result = Director.Check(nominations);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(QuotaLimit.MaxIndividual, violation.Limit);
        Assert.EndsWith("Ban Chỉ đạo huyện Lục Ngạn đề nghị 3 cá nhân, tối đa 2.", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistrictProposal_WithNoPoliceNominee_FailsThePoliceCondition()
    {
        var result = Director.Check(District("bcd-hiep-hoa", policeCollective: false, policeIndividuals: 0));

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("gd-huyen", QuotaLimit.MinPolice, 0, 1), (violation.RuleId, violation.Limit, violation.Found, violation.Allowed));
        Assert.StartsWith("Chưa đủ cơ cấu: «Ban Chỉ đạo cấp huyện", violation.Message, StringComparison.Ordinal);
        Assert.EndsWith("Ban Chỉ đạo huyện Hiệp Hòa có 0 tập thể, cá nhân thuộc lực lượng Công an, tối thiểu 1.", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistrictProposal_WithTwoPoliceNominees_ExceedsThePoliceCondition()
    {
        var result = Director.Check(District("bcd-viet-yen", policeCollective: true, policeIndividuals: 1));

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("gd-huyen", QuotaLimit.MaxPolice, 2, 1), (violation.RuleId, violation.Limit, violation.Found, violation.Allowed));
        Assert.Equal("Ban Chỉ đạo huyện Việt Yên", violation.Group);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void DistrictProposal_WithExactlyOnePoliceCollectiveOrIndividual_IsWithinQuota(bool policeCollective, bool policeIndividual)
    {
        var result = Director.Check(District("bcd-son-dong", policeCollective, policeIndividual ? 1 : 0));

        Assert.True(result.WithinQuota);
    }

    [Fact]
    public void DistrictsAreCountedSeparately_SoTenDistrictsOfThreeEachPass()
    {
        var result = Director.Check(AllDistricts());

        Assert.True(result.WithinQuota);
    }

    [Theory]
    [InlineData(NomineeKind.Collective)]
    [InlineData(NomineeKind.Individual)]
    public void NamedBody_ProposingOneCollectiveOrOneIndividual_IsWithinQuota(NomineeKind kind)
    {
        var result = Director.Check([BacGiangSample.Nominee("b1", "bao-bac-giang", "bao-bac-giang", kind)]);

        Assert.True(result.WithinQuota);
    }

    [Fact]
    public void NamedBody_ProposingACollectiveAndAnIndividual_ExceedsItsOneCollectiveOrIndividual()
    {
        var nominations = new[]
        {
            BacGiangSample.Nominee("b1", "bo-chqs-tinh", "bo-chqs-tinh", NomineeKind.Collective),
            BacGiangSample.Nominee("b2", "bo-chqs-tinh", "bo-chqs-tinh", NomineeKind.Individual),
        };

        var result = Director.Check(nominations);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("gd-co-quan-rieng", QuotaLimit.Max, "Bộ Chỉ huy Quân sự tỉnh", 2, 1),
            (violation.RuleId, violation.Limit, violation.Group, violation.Found, violation.Allowed));
        Assert.Contains("01 tập thể hoặc 01 cá nhân", violation.RuleDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliceDepartmentOfTheSix_ProposingTwo_ExceedsItsOne()
    {
        var nominations = new[]
        {
            BacGiangSample.Nominee("p1", "pc07", "pc07", NomineeKind.Collective, isPolice: true),
            BacGiangSample.Nominee("p2", "pc07", "pc07", NomineeKind.Individual, isPolice: true),
        };

        var result = Director.Check(nominations);

        Assert.Equal("gd-phong-khac", Assert.Single(result.Violations).RuleId);
    }

    [Fact]
    public void PoliceDepartment_ProposingADistrictsNominee_FallsOutsideTheStructure()
    {
        var result = Director.Check([BacGiangSample.Nominee("x", "pc02", "bcd-tan-yen", NomineeKind.Individual, isPolice: true)]);

        var violation = Assert.Single(result.Violations);
        Assert.Equal((QuotaChecker.StructureRuleId, QuotaLimit.Structure, "Ban Chỉ đạo huyện Tân Yên"), (violation.RuleId, violation.Limit, violation.Group));
        Assert.Contains("không thuộc cơ cấu được phân bổ", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAddition_OfAThirdIndividualForADistrict_WouldExceed_ButAMissingPoliceNomineeIsNotYetAViolation()
    {
        var accepted = new[]
        {
            BacGiangSample.Nominee("i1", "bcd-yen-dung", "bcd-yen-dung", NomineeKind.Individual),
            BacGiangSample.Nominee("i2", "bcd-yen-dung", "bcd-yen-dung", NomineeKind.Individual),
        };

        var third = Director.CheckAddition(accepted, BacGiangSample.Nominee("i3", "bcd-yen-dung", "bcd-yen-dung", NomineeKind.Individual));
        var collective = Director.CheckAddition(accepted, BacGiangSample.Nominee("c1", "bcd-yen-dung", "bcd-yen-dung", NomineeKind.Collective));

        Assert.Contains(third.Violations, v => v.RuleId == "gd-huyen" && v.Limit == QuotaLimit.MaxIndividual);
        Assert.True(collective.WithinQuota);
    }

    [Fact]
    public void ChairRound_FullTen_IsWithinQuota()
    {
        var result = Chair.Check(ChairTen());

        Assert.True(result.WithinQuota, string.Join(Environment.NewLine, result.Violations.Select(v => v.Message)));
    }

    [Fact]
    public void ChairRound_ThirdPa04Collective_ExceedsTheTwoPlusTwoAndTheThreePlusThree()
    {
        var extra = Chair_(BacGiangSample.ManagedBy("pa04").Skip(5).First().Id, "pa04", NomineeKind.Collective, "extra");

        var result = Chair.Check([.. ChairTen(), extra]);

        Assert.Contains(result.Violations, v => v.RuleId == "ct-cqdncsgd-pa04" && v.Limit == QuotaLimit.MaxCollective && v.Found == 3 && v.Allowed == 2);
        Assert.Contains(result.Violations, v => v.RuleId == "ct-cqdncsgd" && v.Found == 4 && v.Allowed == 3);
        Assert.Contains(result.Violations, v => v.RuleId == "ct-tong-10" && v.Found == 11);
    }

    [Fact]
    public void ChairRound_NamedBodyNominee_IsOutsideItsStructure()
    {
        var result = Chair.Check([Chair_("dai-pt-th-tinh", "dai-pt-th-tinh", NomineeKind.Collective, "d")]);

        Assert.Equal(QuotaLimit.Structure, Assert.Single(result.Violations).Limit);
    }

    private static IEnumerable<Nomination> District(string district, bool policeCollective, int policeIndividuals) =>
    [
        BacGiangSample.Nominee($"{district}-c", district, district, NomineeKind.Collective, policeCollective),
        BacGiangSample.Nominee($"{district}-i1", district, district, NomineeKind.Individual, policeIndividuals >= 1),
        BacGiangSample.Nominee($"{district}-i2", district, district, NomineeKind.Individual, policeIndividuals >= 2),
    ];

    private static IEnumerable<Nomination> AllDistricts() =>
        BacGiangSample.Block("district-committee").SelectMany((d, i) => District(d.Id, policeCollective: i % 2 == 0, policeIndividuals: i % 2));

    private static List<Nomination> ProvincialTwentyEight()
    {
        var list = new List<Nomination>();
        var kinds = new[] { NomineeKind.Collective, NomineeKind.Individual };
        list.AddRange(BacGiangSample.ManagedBy("pa03").Where(u => u.Block == "provincial-cqdncsgd").Take(5)
            .Select((u, i) => BacGiangSample.Nominee($"pa03-{i}", "pa03", u.Id, kinds[i % 2])));
        list.AddRange(BacGiangSample.ManagedBy("pa04").Take(7)
            .Select((u, i) => BacGiangSample.Nominee($"pa04-{i}", "pa04", u.Id, kinds[i % 2])));
        list.AddRange(NamedBodies.Select((u, i) => BacGiangSample.Nominee($"named-{u}", u, u, kinds[i % 2])));
        foreach (var department in new[] { "pv01", "pa03", "pa04" })
        {
            list.Add(BacGiangSample.Nominee($"{department}-own-c", department, department, NomineeKind.Collective, isPolice: true));
            list.Add(BacGiangSample.Nominee($"{department}-own-i", department, department, NomineeKind.Individual, isPolice: true));
        }

        list.AddRange(SixDepartments.Select((u, i) => BacGiangSample.Nominee($"six-{u}", u, u, kinds[i % 2], isPolice: true)));
        return list;
    }

    private static Nomination Chair_(string nomineeUnit, string proposedBy, NomineeKind kind, string id, bool isPolice = false) =>
        BacGiangSample.Nominee(id, proposedBy, nomineeUnit, kind, isPolice, BacGiangSample.ChairRound);

    private static List<Nomination> ChairTen()
    {
        var pa03 = BacGiangSample.ManagedBy("pa03").Where(u => u.Block == "provincial-cqdncsgd").ToList();
        var pa04 = BacGiangSample.ManagedBy("pa04").ToList();
        return
        [
            Chair_("bcd-luc-nam", "bcd-luc-nam", NomineeKind.Collective, "h-c", isPolice: true),
            Chair_("bcd-tan-yen", "bcd-tan-yen", NomineeKind.Individual, "h-i"),
            Chair_(pa03[0].Id, "pa03", NomineeKind.Collective, "a3-c"),
            Chair_(pa03[1].Id, "pa03", NomineeKind.Individual, "a3-i"),
            Chair_(pa04[0].Id, "pa04", NomineeKind.Collective, "a4-c1"),
            Chair_(pa04[1].Id, "pa04", NomineeKind.Collective, "a4-c2"),
            Chair_(pa04[2].Id, "pa04", NomineeKind.Individual, "a4-i1"),
            Chair_(pa04[3].Id, "pa04", NomineeKind.Individual, "a4-i2"),
            Chair_("pc08", "pc08", NomineeKind.Collective, "ca-c", isPolice: true),
            Chair_("pv01", "pv01", NomineeKind.Individual, "ca-i", isPolice: true),
        ];
    }
}
