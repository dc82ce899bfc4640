using Workflow.Domain.Awards;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;

namespace Workflow.Documents.Tests;

/// <summary>What the drafts say, worked out from the plan, the round and the awarded nominations.</summary>
public sealed class AwardDraftBuilderTests
{
    private static readonly Plan Plan = BacGiangAwards.Plan;

    private static AwardDraft Draft(AwardLevel level, Plan? plan = null, IReadOnlyList<Nomination>? awarded = null)
    {
        var round = new NominationRound { Id = "dot", AwardLevel = level, Title = "Khen thưởng" };
        return AwardDraftBuilder.Build(plan ?? Plan, BacGiangAwards.CycleId, round, awarded ?? BacGiangAwards.Awarded, 9, 2, BacGiangAwards.Date);
    }

    [Fact]
    public void Police_director_decides_on_the_staff_office_submission()
    {
        var draft = Draft(AwardLevel.PoliceDirectorCertificate);

        Assert.Equal(new DocumentHeader("BỘ CÔNG AN", "CÔNG AN TỈNH BẮC GIANG", "QĐ-CAT", "GIÁM ĐỐC"), draft.Decision);
        Assert.Equal(new DocumentHeader("CÔNG AN TỈNH BẮC GIANG", "PHÒNG THAM MƯU", "TTr-PV01", "TRƯỞNG PHÒNG"), draft.Submission);
        Assert.Equal("Giám đốc Công an tỉnh Bắc Giang", draft.Authority);
        Assert.Equal(["Như trên", "Lưu: VT, PV01"], draft.SubmissionRecipients);
        Assert.Equal(["Như Điều 3", "Phòng Tham mưu", "Lưu: VT, TĐKT"], draft.DecisionRecipients);
    }

    [Theory]
    [InlineData(AwardLevel.ProvinceChairCertificate)]
    [InlineData(AwardLevel.EmulationFlag)]
    public void Province_chair_decides_on_the_province_police_submission(AwardLevel level)
    {
        var draft = Draft(level);

        Assert.Equal(new DocumentHeader(null, "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "QĐ-UBND", "CHỦ TỊCH"), draft.Decision);
        Assert.Equal(new DocumentHeader("BỘ CÔNG AN", "CÔNG AN TỈNH BẮC GIANG", "TTr-CAT", "GIÁM ĐỐC"), draft.Submission);
        Assert.Equal("Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang", draft.Authority);
        Assert.Equal(["Như trên", "Lưu: VT, CAT"], draft.SubmissionRecipients);
        Assert.Equal(["Như Điều 3", "Công an tỉnh Bắc Giang", "Lưu: VT, TĐKT"], draft.DecisionRecipients);
    }

    [Fact]
    public void Minister_decides_on_the_province_police_submission()
    {
        var draft = Draft(AwardLevel.MinisterCertificate);

        Assert.Equal(new DocumentHeader(null, "BỘ CÔNG AN", "QĐ-BCA", "BỘ TRƯỞNG"), draft.Decision);
        Assert.Equal(new DocumentHeader("BỘ CÔNG AN", "CÔNG AN TỈNH BẮC GIANG", "TTr-CAT", "GIÁM ĐỐC"), draft.Submission);
        Assert.Equal("Bộ trưởng Bộ Công an", draft.Authority);
    }

    [Fact]
    public void District_chair_decides_on_the_issuers_submission()
    {
        var plan = Plan with { Place = "huyện Yên Thế", Issuer = "Ban Chỉ đạo huyện Yên Thế" };

        var draft = Draft(AwardLevel.DistrictChairCertificate, plan);

        Assert.Equal(new DocumentHeader(null, "ỦY BAN NHÂN DÂN HUYỆN YÊN THẾ", "QĐ-UBND", "CHỦ TỊCH"), draft.Decision);
        Assert.Equal(new DocumentHeader(null, "BAN CHỈ ĐẠO HUYỆN YÊN THẾ", "TTr", "TRƯỞNG BAN"), draft.Submission);
        Assert.Equal("Chủ tịch Ủy ban nhân dân huyện Yên Thế", draft.Authority);
        Assert.Equal(["Như trên", "Lưu: VT, TTr"], draft.SubmissionRecipients);
        Assert.Equal("Ban Chỉ đạo huyện Yên Thế", draft.DecisionRecipients[1]);
    }

    [Fact]
    public void Place_comes_from_the_plan()
    {
        Assert.Equal("Bắc Giang", Draft(AwardLevel.ProvinceChairCertificate, Plan with { Issuer = "Ban Chỉ đạo tỉnh Thái Bình" }).Place);
    }

    [Theory]
    [InlineData("Ban Chỉ đạo phòng, chống tội phạm ... tỉnh Thái Bình", "Thái Bình")]
    [InlineData("Ban Chỉ đạo thành phố Hải Phòng", "Hải Phòng")]
    // The last marker wins: the province the city lies in.
    [InlineData("Ban Chỉ đạo thành phố Hạ Long tỉnh Quảng Ninh", "Quảng Ninh")]
    [InlineData("Bộ Công an", "Bộ Công an")]
    public void Without_a_place_the_name_after_the_issuers_last_province_or_city_is_taken(string issuer, string place)
    {
        var draft = Draft(AwardLevel.ProvinceChairCertificate, Plan with { Place = null, Issuer = issuer });

        Assert.Equal(place, draft.Place);
    }

    [Fact]
    public void Only_evidenced_records_are_cited_by_year_then_title_with_their_decisions()
    {
        var draft = Draft(AwardLevel.ProvinceChairCertificate);

        Assert.Equal(
            "Chiến sĩ thi đua cơ sở năm 2022 (Quyết định số 1520/QĐ-CAT ngày 20/12/2022 của Giám đốc Công an tỉnh Bắc Giang); "
            + "Giấy khen của Giám đốc Công an tỉnh năm 2023 (Quyết định số 215/QĐ-CAT ngày 05/02/2023 của Giám đốc Công an tỉnh Bắc Giang)",
            draft.Awardees.Single(a => a.NominationId == "cn-hung").Achievement);
        // Her only filed record was refused: the decision cites no record of hers.
        Assert.Equal(AwardDraftBuilder.DefaultAchievement, draft.Awardees.Single(a => a.NominationId == "cn-ha").Achievement);
    }

    [Fact]
    public void A_record_cites_only_the_parts_of_its_decision_that_are_known()
    {
        var nomination = BacGiangAwards.Hung with
        {
            Achievements =
            [
                new AchievementRecord
                {
                    Id = "b", Year = 2020, Title = "Chiến sĩ thi đua cơ sở", DecisionNumber = "9/QĐ-CAT",
                    Review = new RecordReview(ReviewVerdict.Verified, null, "op", DateTimeOffset.UnixEpoch),
                },
                new AchievementRecord
                {
                    Id = "a", Year = 2020, Title = "Bằng khen", Evidence = new EvidenceFile("x", "x.pdf", new string('c', 64)),
                },
            ],
        };

        Assert.Equal("Bằng khen năm 2020; Chiến sĩ thi đua cơ sở năm 2020 (Quyết định số 9/QĐ-CAT)", AwardDraftBuilder.AchievementOf(nomination));
    }

    [Fact]
    public void Collectives_come_before_individuals_each_in_the_given_order()
    {
        var draft = Draft(AwardLevel.ProvinceChairCertificate);

        Assert.Equal(["tt-dong-tien", "tt-thcs-nha-nam", "cn-hung", "cn-ha"], draft.Awardees.Select(a => a.NominationId));
        Assert.Equal(2, draft.Collectives);
        Assert.Equal(2, draft.Individuals);
    }

    [Fact]
    public void Awardees_carry_their_units_name_position_and_identity()
    {
        var stray = BacGiangAwards.School with { Id = "tt-ngoai", Name = "Tổ tự quản", NomineeUnit = "khong-co-trong-ke-hoach" };

        var draft = Draft(AwardLevel.ProvinceChairCertificate, awarded: [BacGiangAwards.Hung, stray]);

        var hung = draft.Awardees.Single(a => a.NominationId == "cn-hung");
        Assert.Equal(("Nguyễn Văn Hùng", "Trưởng Công an xã", "Ban Chỉ đạo xã Đồng Tiến"), (hung.Name, hung.Position, hung.Unit));
        Assert.Equal("ca-nhan.024089001234", hung.Identity);
        Assert.Equal(NomineeKind.Individual, hung.Kind);
        // A nominee outside the plan's units keeps the id it was given.
        Assert.Equal("khong-co-trong-ke-hoach", draft.Awardees.Single(a => a.NominationId == "tt-ngoai").Unit);
    }

    [Fact]
    public void Plan_reference_cites_the_plan_with_its_date_as_dd_MM_yyyy()
    {
        var draft = Draft(AwardLevel.ProvinceChairCertificate, Plan with { Number = "25/KH-BCĐ", IssuedOn = new DateOnly(2024, 2, 5) });

        Assert.Equal($"Kế hoạch số 25/KH-BCĐ ngày 05/02/2024 của {Plan.Issuer}", draft.PlanReference);
    }

    [Fact]
    public void Legal_basis_is_the_law_the_decree_unless_cited_the_plans_basis_and_the_plan()
    {
        // The sample already cites Decree 98/2023 (with its own note): it is not cited twice.
        var sample = Draft(AwardLevel.ProvinceChairCertificate);
        Assert.Equal([AwardDraftBuilder.Law, .. Plan.LegalBasis, sample.PlanReference], sample.LegalBasis);
        Assert.Single(sample.LegalBasis, b => b.Contains("98/2023", StringComparison.Ordinal));

        var plain = Draft(AwardLevel.ProvinceChairCertificate, Plan with { LegalBasis = ["Chỉ thị số 07/CT-BCA-V28 ngày 15/8/2014 của Bộ Công an"] });
        Assert.Equal(
            [AwardDraftBuilder.Law, AwardDraftBuilder.Decree, "Chỉ thị số 07/CT-BCA-V28 ngày 15/8/2014 của Bộ Công an", plain.PlanReference],
            plain.LegalBasis);
    }

    [Fact]
    public void The_award_and_the_achievement_are_the_round_and_the_plan_as_titled()
    {
        var chair = BacGiangAwards.ChairDraft();
        var minister = AwardDraftBuilder.Build(
            Plan, BacGiangAwards.CycleId, BacGiangAwards.Round("bang-khen-bo-truong"), [], 0, 0, BacGiangAwards.Date);

        Assert.Equal("Bằng khen của Chủ tịch UBND tỉnh", chair.AwardTitle);
        Assert.Equal(Plan.Title, chair.Achievement);
        Assert.Equal((BacGiangAwards.ChairRound, AwardLevel.ProvinceChairCertificate, 9, 2), (chair.RoundId, chair.Level, chair.Proposed, chair.Refused));
        // The plan's note on the ministry's criteria is not part of the award's name.
        Assert.Equal("Bằng khen của Bộ trưởng Bộ Công an", minister.AwardTitle);
        Assert.Empty(minister.Awardees);
    }

    [Theory]
    [InlineData("CÔNG AN TỈNH BẮC GIANG", "Công an tỉnh Bắc Giang")]
    [InlineData("PHÒNG THAM MƯU", "Phòng Tham mưu")]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "Ủy ban nhân dân tỉnh Bắc Giang")]
    [InlineData("BAN CHỈ ĐẠO PHÒNG, CHỐNG TỘI PHẠM VÀ XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ ANTQ TỈNH BẮC GIANG",
        "Ban Chỉ đạo phòng, chống tội phạm và xây dựng phong trào toàn dân bảo vệ ANTQ tỉnh Bắc Giang")]
    public void Organ_names_read_in_sentence_case_with_their_proper_names(string organ, string cited)
    {
        Assert.Equal(cited, OrganName.SentenceCase(organ, "Bắc Giang"));
    }
}
