using Workflow.Domain.Nominations;

namespace Workflow.Domain.Tests.Nominations;

/// <summary>The seed-000 criteria (section III.3 and its "Lưu ý") as the real sample plan encodes them.</summary>
public sealed class EligibilityEvaluatorTests
{
    private const string UnitTitle = "danh-hieu-tap-the";
    private const string PersonTitle = "danh-hieu-ca-nhan";
    private const string Rating = "xep-loai";
    private const string Safety = "an-toan-antt";
    private const string Culture = "co-quan-van-hoa";
    private const string Advanced = "don-vi-tien-tien";
    private const string Decisive = "don-vi-quyet-thang";

    private static readonly EligibilityEvaluator Evaluator = new(BacGiangSample.Plan.Scales);

    private static readonly Dictionary<string, bool> Clean = new()
    {
        ["dangXetHoacThiHanhKyLuat"] = false,
        ["dangThanhTraKiemTra"] = false,
        ["dangXacMinhDonThu"] = false,
    };

    [Fact]
    public void PoliceDepartment_WithThreeDecisiveYears_IsEligible()
    {
        var result = Evaluate("tap-the-phong-cong-an-huyen", PoliceDepartment(Decisive, Decisive, Decisive, Advanced, Advanced));

        Assert.True(result.Eligible, Describe(result));
    }

    [Fact]
    public void PoliceDepartment_WithOnlyTwoDecisiveYears_FailsTheThreeOfFiveRule()
    {
        var result = Evaluate("tap-the-phong-cong-an-huyen", PoliceDepartment(Decisive, Advanced, Decisive, Advanced, Advanced));

        var failure = Assert.Single(result.Failures);
        Assert.Equal("5-nam-tien-tien-3-quyet-thang", failure.RuleId);
        Assert.Equal("Chỉ có 2 năm đạt «Đơn vị quyết thắng», yêu cầu ít nhất 3", failure.Reason);
        Assert.Contains("05 năm liên tục (2019–2023)", failure.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliceDepartment_With2019BelowAdvanced_FailsNamingTheYear()
    {
        var result = Evaluate("tap-the-phong-cong-an-huyen", PoliceDepartment("khong-dat", Decisive, Decisive, Decisive, Decisive));

        var failure = Assert.Single(result.Failures);
        Assert.Equal("5-nam-tien-tien-3-quyet-thang", failure.RuleId);
        Assert.Equal("Năm 2019 chỉ đạt «Không đạt danh hiệu», yêu cầu «Đơn vị tiên tiến» trở lên", failure.Reason);
    }

    [Fact]
    public void PoliceDepartment_DecisiveIn2018InsteadOf2023_DoesNotCountTheYearOutsideTheRange()
    {
        var record = Record(new() { [UnitTitle] = Years(2018, Decisive, Decisive, Decisive, Advanced, Advanced) }, Police2024Clean());

        var failure = Assert.Single(Evaluate("tap-the-phong-cong-an-huyen", record).Failures);

        Assert.Equal(["Năm 2023 chưa khai báo «Danh hiệu thi đua tập thể Công an»", "Chỉ có 2 năm đạt «Đơn vị quyết thắng», yêu cầu ít nhất 3"], failure.Reasons);
    }

    [Fact]
    public void PoliceDepartment_WithAMissingYear_FailsNamingTheMissingYear()
    {
        var years = Years(2019, Decisive, Decisive, Decisive, Decisive, Decisive);
        years.Remove(2021);

        var failure = Assert.Single(Evaluate("tap-the-phong-cong-an-huyen", Record(new() { [UnitTitle] = years }, Police2024Clean())).Failures);

        Assert.Equal("Năm 2021 chưa khai báo «Danh hiệu thi đua tập thể Công an»", failure.Reason);
    }

    [Fact]
    public void PoliceDepartment_WithAClass4OrDisciplinedOfficerIn2024_FailsThe2024Condition()
    {
        var record = Record(new() { [UnitTitle] = Years(2019, Decisive, Decisive, Decisive, Decisive, Decisive) },
            new() { ["nam2024CoCanBoPhanLoai4HoacKyLuat"] = true });

        Assert.Equal("nam-2024-khong-phan-loai-4-ky-luat", Assert.Single(Evaluate("tap-the-phong-cong-an-huyen", record).Failures).RuleId);
    }

    [Fact]
    public void CommunePolice_ThreeYearsWithOneDecisive_IsEligible()
    {
        var record = Record(new() { [UnitTitle] = Years(2021, Advanced, Decisive, Advanced) }, Police2024Clean());

        Assert.True(Evaluate("tap-the-cong-an-xa", record).Eligible);
    }

    [Fact]
    public void CommunePolice_ThreeYearsWithoutDecisive_FailsTheOneOfThreeRule()
    {
        var record = Record(new() { [UnitTitle] = Years(2019, Decisive, Decisive, Advanced, Advanced, Advanced) }, Police2024Clean());

        var failure = Assert.Single(Evaluate("tap-the-cong-an-xa", record).Failures);

        Assert.Equal("3-nam-tien-tien-1-quyet-thang", failure.RuleId);
        Assert.Equal("Chỉ có 0 năm đạt «Đơn vị quyết thắng», yêu cầu ít nhất 1", failure.Reason);
    }

    [Fact]
    public void PoliceTeam_WithOneDecisiveYearButTwoCertificates_MeetsTheAlternative()
    {
        var record = Record(new() { [UnitTitle] = Years(2019, Advanced, Decisive, Advanced, Advanced, Advanced) }, Police2024Clean(),
            new() { ["soGiayKhenGiamDocTroLenVePhongTrao"] = 2 });

        Assert.True(Evaluate("tap-the-doi-cong-tac", record).Eligible);
    }

    [Fact]
    public void PoliceTeam_WithOneDecisiveYearAndOneCertificate_FailsTheAnyOfRule()
    {
        var record = Record(new() { [UnitTitle] = Years(2019, Advanced, Decisive, Advanced, Advanced, Advanced) }, Police2024Clean(),
            new() { ["soGiayKhenGiamDocTroLenVePhongTrao"] = 1 });

        var failure = Assert.Single(Evaluate("tap-the-doi-cong-tac", record).Failures);

        Assert.Equal("2-nam-quyet-thang-hoac-2-giay-khen", failure.RuleId);
        Assert.Contains("Chỉ có 1 năm đạt «Đơn vị quyết thắng», yêu cầu ít nhất 2", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("Chỉ có 1, yêu cầu ít nhất 2", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliceTeam_WithTwoDecisiveYearsAndNoCertificateDeclared_MeetsTheFirstAlternative()
    {
        var record = Record(new() { [UnitTitle] = Years(2019, Advanced, Decisive, Advanced, Decisive, Advanced) }, Police2024Clean());

        Assert.True(Evaluate("tap-the-doi-cong-tac", record).Eligible);
    }

    [Theory]
    [InlineData("dangXetHoacThiHanhKyLuat", "khong-dang-ky-luat")]
    [InlineData("dangThanhTraKiemTra", "khong-dang-thanh-tra")]
    [InlineData("dangXacMinhDonThu", "khong-dang-xac-minh-don-thu")]
    public void Nominee_UnderDisciplineInspectionOrComplaint_IsDisqualifiedByThatRule(string flag, string rule)
    {
        var record = PoliceDepartment(Decisive, Decisive, Decisive, Decisive, Decisive);
        record = record with { Flags = new Dictionary<string, bool>(record.Flags) { [flag] = true } };

        var failure = Assert.Single(Evaluate("tap-the-phong-cong-an-huyen", record).Failures);

        Assert.Equal(rule, failure.RuleId);
        Assert.Equal("Khai báo «có», yêu cầu «không»", failure.Reason);
    }

    [Fact]
    public void Nominee_WithAnUndeclaredDisqualifier_FailsAsNotDeclared()
    {
        var record = PoliceDepartment(Decisive, Decisive, Decisive, Decisive, Decisive);
        var flags = new Dictionary<string, bool>(record.Flags);
        flags.Remove("dangThanhTraKiemTra");

        var failure = Assert.Single(Evaluate("tap-the-phong-cong-an-huyen", record with { Flags = flags }).Failures);

        Assert.Equal("khong-dang-thanh-tra", failure.RuleId);
        Assert.StartsWith("Chưa khai báo", failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void PoliceIndividual_YearsInTheMovementSince2021_NeedsAtLeastThree(int years, bool eligible)
    {
        var result = Evaluate("ca-nhan-cong-an", PoliceOfficer(years));

        Assert.Equal(eligible, result.Eligible);
        Assert.Equal(!eligible, result.Failed("3-nam-phong-trao"));
    }

    [Fact]
    public void PoliceIndividual_RatedOnlyCompletedIn2024_FailsThe2024Rating()
    {
        var record = PoliceOfficer(3);
        record = record with { Yearly = new Dictionary<string, IReadOnlyDictionary<int, string>>(record.Yearly) { [Rating] = Years(2024, "hoan-thanh") } };

        var failure = Assert.Single(Evaluate("ca-nhan-cong-an", record).Failures);

        Assert.Equal("nam-2024-hoan-thanh-tot", failure.RuleId);
        Assert.Equal("Năm 2024 chỉ đạt «Hoàn thành nhiệm vụ», yêu cầu «Hoàn thành tốt nhiệm vụ» trở lên", failure.Reason);
    }

    [Fact]
    public void StateAgency_WithOneOutstandingYear_FailsTheTwoOutstandingYearsRule()
    {
        var record = Record(
            new()
            {
                [Safety] = Years(2019, "dat", "dat", "dat", "dat", "dat"),
                [Culture] = Years(2019, "dat", "dat", "dat", "dat", "dat"),
                [Rating] = Years(2019, "hoan-thanh-tot", "hoan-thanh-xuat-sac", "hoan-thanh-tot", "hoan-thanh-tot", "hoan-thanh"),
            },
            new() { ["nam2024CoViPhamHoacKhieuKien"] = false, ["nam2024CoNoXauDinhCong"] = false });

        var failure = Assert.Single(Evaluate("tap-the-cqdncsgd-nha-nuoc", record).Failures);

        Assert.Equal("2-nam-hoan-thanh-xuat-sac", failure.RuleId);
        Assert.Equal("Chỉ có 1 năm đạt «Hoàn thành xuất sắc nhiệm vụ», yêu cầu ít nhất 2", failure.Reason);
    }

    [Fact]
    public void FrontOrUnionCollective_NotRecognisedAsCulturalAgencyIn2020_FailsThatRule()
    {
        var record = Record(
            new()
            {
                [Rating] = Years(2019, "hoan-thanh-tot", "hoan-thanh-tot", "hoan-thanh-xuat-sac", "hoan-thanh-tot", "hoan-thanh-tot"),
                [Culture] = Years(2019, "dat", "khong-dat", "dat", "dat", "dat"),
                [Safety] = Years(2019, "dat", "dat", "dat", "dat", "dat"),
            },
            new() { ["nam2024CoViPhamHoacKhieuKien"] = false });

        var failure = Assert.Single(Evaluate("tap-the-mttq-ban-nganh-doan-the", record).Failures);

        Assert.Equal("5-nam-co-quan-van-hoa", failure.RuleId);
        Assert.Equal("Năm 2020 chỉ đạt «Không được công nhận», yêu cầu «Cơ quan văn hóa» trở lên", failure.Reason);
    }

    [Fact]
    public void PrivateEnterprise_Collective_NeedsTaxComplianceAndAnEarlierCertificate()
    {
        var record = Record(new() { [Safety] = Years(2019, "dat", "dat", "dat", "dat", "dat") },
            new()
            {
                ["thucHienTotNghiaVuThue"] = false,
                ["daDuocKhenThuongGiayKhenTroLenVeAntt"] = false,
                ["nam2024CoViPhamHoacKhieuKien"] = false,
                ["nam2024CoNoXauDinhCong"] = false,
            });

        var result = Evaluate("tap-the-doanh-nghiep-tu-nhan-fdi", record);

        Assert.Equal(["nop-thue-day-du", "da-co-giay-khen-antt"], result.Failures.Select(f => f.RuleId));
    }

    [Fact]
    public void PrivateEnterprise_CollectiveWithAStrikeIn2024_FailsTheNoStrikeCondition()
    {
        var record = Record(new() { [Safety] = Years(2019, "dat", "dat", "dat", "dat", "dat") },
            new()
            {
                ["thucHienTotNghiaVuThue"] = true,
                ["daDuocKhenThuongGiayKhenTroLenVeAntt"] = true,
                ["nam2024CoViPhamHoacKhieuKien"] = false,
                ["nam2024CoNoXauDinhCong"] = true,
            });

        Assert.Equal("nam-2024-khong-no-xau-dinh-cong", Assert.Single(Evaluate("tap-the-doanh-nghiep-tu-nhan-fdi", record).Failures).RuleId);
    }

    [Fact]
    public void PrivateEnterprise_Individual_WhoseEmployerWasNotSafeIn2022_FailsTheEmployerRule()
    {
        var record = Record(new() { [Safety] = Years(2021, "dat", "khong-dat", "dat") },
            new()
            {
                ["daDuocKhenThuongGiayKhenTroLenVeAntt"] = true,
                ["doanhNghiepThucHienTotNghiaVuThue"] = true,
                ["doanhNghiepNam2024CoNguoiViPham"] = false,
                ["doanhNghiepNam2024CoNoXauDinhCong"] = false,
            },
            new() { ["soNamPhuTrachPhongTraoTu2021"] = 3 });

        var failure = Assert.Single(Evaluate("ca-nhan-doanh-nghiep-tu-nhan-fdi", record).Failures);

        Assert.Equal("doanh-nghiep-3-nam-an-toan-antt", failure.RuleId);
        Assert.Equal("Năm 2022 chỉ đạt «Không được công nhận», yêu cầu «Đạt tiêu chuẩn “An toàn về ANTT”» trở lên", failure.Reason);
    }

    [Fact]
    public void StateIndividual_WithoutAnOutstandingYear_FailsAndIsNamedInVietnamese()
    {
        var record = Record(new() { [Rating] = Years(2019, "hoan-thanh-tot", "hoan-thanh-tot", "hoan-thanh-tot", "hoan-thanh-tot", "hoan-thanh-tot") },
            new() { ["nam2024CoViPhamHoacKhieuKien"] = false },
            new() { ["soNamPhuTrachPhongTraoTu2021"] = 4 });

        var failure = Assert.Single(Evaluate("ca-nhan-mttq-ban-nganh-nha-nuoc", record).Failures);

        Assert.Equal("5-nam-hoan-thanh-tot-1-xuat-sac", failure.RuleId);
        Assert.StartsWith("Không đạt tiêu chuẩn «Có 05 năm liên tục (2019–2023) xếp loại hoàn thành tốt nhiệm vụ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Individual_JudgedAgainstACollectiveProfile_FailsTheKindCheck()
    {
        var profile = BacGiangSample.Profile("tap-the-cong-an-xa");

        var result = Evaluator.Evaluate(profile, NomineeKind.Individual, PoliceDepartment(Decisive, Decisive, Decisive, Decisive, Decisive));

        var failure = Assert.Single(result.Failures);
        Assert.Equal(EligibilityEvaluator.KindRuleId, failure.RuleId);
        Assert.Equal("Tiêu chuẩn «Tập thể Công an cấp xã» dành cho tập thể, nhưng đối tượng đề nghị là cá nhân", failure.Reason);
    }

    [Fact]
    public void EveryCategoryOfSectionIII3_HasAProfileWithTheDisqualifiers()
    {
        var profiles = BacGiangSample.Round(BacGiangSample.DirectorRound).Eligibility;

        Assert.Equal(9, profiles.Count);
        Assert.All(profiles, p => Assert.Superset(
            new HashSet<string> { "khong-dang-ky-luat", "khong-dang-thanh-tra", "khong-dang-xac-minh-don-thu" },
            p.Rules.Select(r => r.Id).ToHashSet()));
    }

    private static EligibilityResult Evaluate(string profile, NomineeRecord record)
    {
        var p = BacGiangSample.Profile(profile);
        return Evaluator.Evaluate(p, p.NomineeKind, record);
    }

    private static string Describe(EligibilityResult result) => string.Join(Environment.NewLine, result.Failures.Select(f => f.Message));

    private static Dictionary<int, string> Years(int from, params string[] levels) =>
        levels.Select((level, i) => (Year: from + i, level)).ToDictionary(x => x.Year, x => x.level);

    private static Dictionary<string, bool> Police2024Clean() => new() { ["nam2024CoCanBoPhanLoai4HoacKyLuat"] = false };

    private static NomineeRecord Record(
        Dictionary<string, Dictionary<int, string>> yearly,
        Dictionary<string, bool>? flags = null,
        Dictionary<string, decimal>? numbers = null)
    {
        var allFlags = new Dictionary<string, bool>(Clean);
        foreach (var (key, value) in flags ?? [])
        {
            allFlags[key] = value;
        }

        return new NomineeRecord
        {
            Yearly = yearly.ToDictionary(y => y.Key, y => (IReadOnlyDictionary<int, string>)y.Value),
            Flags = allFlags,
            Numbers = numbers ?? [],
        };
    }

    private static NomineeRecord PoliceDepartment(params string[] levels2019To2023) =>
        Record(new() { [UnitTitle] = Years(2019, levels2019To2023) }, Police2024Clean());

    private static NomineeRecord PoliceOfficer(int yearsInMovement) =>
        Record(
            new()
            {
                [PersonTitle] = Years(2019, "chien-sy-tien-tien", "chien-sy-thi-dua-co-so", "chien-sy-tien-tien", "chien-sy-tien-tien", "chien-sy-tien-tien"),
                [Rating] = Years(2024, "hoan-thanh-tot"),
            },
            numbers: new() { ["soNamPhuTrachPhongTraoTu2021"] = yearsInMovement });
}
