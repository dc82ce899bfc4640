using Workflow.Domain.Levels;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;

namespace Workflow.Domain.Tests.Levels;

/// <summary>
/// A district committee of the Bắc Giang sample (seed 000) issues its own plan to the communes, agencies, enterprises
/// and schools under it: "Ban Chỉ đạo cấp huyện xây dựng kế hoạch tổ chức tổng kết; chỉ đạo, hướng dẫn Ban Chỉ đạo các
/// xã, phường, thị trấn, ... các CQDNCSGD thuộc trách nhiệm quản lý tổ chức tổng kết bằng văn bản".
/// </summary>
public sealed class PlanDerivationTests
{
    private const string CycleId = "bg-2024-ct07";
    private const string YenThe = "bcd-yen-the";
    private const string TanYen = "bcd-tan-yen";
    private const string Report = "bao-cao-tong-ket";
    private const string DistrictReview = "tong-ket-cap-huyen";
    private const string Round = "giay-khen-giam-doc";
    private static readonly DateOnly IssuedOn = new(2024, 3, 15);

    private static readonly Plan Parent =
        PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;

    private static Unit Relay(string id) => Parent.Units.Single(u => u.Id == id);

    /// <summary>Each deadline before the district's own: 01/05/2024 (report), May 2024 (its review), 01/04/2024 (nominations).</summary>
    private static Dictionary<string, Deadline> Deadlines() => new()
    {
        [Report] = Deadline.Before(new DateOnly(2024, 4, 20)),
        [DistrictReview] = Deadline.By(new DateOnly(2024, 5, 20)),
        [Round] = Deadline.Before(new DateOnly(2024, 3, 25)),
    };

    private static RelayPlanRequest Request(Dictionary<string, Deadline>? deadlines = null) =>
        new() { Number = "12/KH-BCĐ", Deadlines = deadlines ?? Deadlines() };

    private static PlanDerivationResult Derive(string relay, RelayPlanRequest request, Plan? parent = null, IReadOnlyList<string>? lineage = null) =>
        PlanDerivation.Derive(parent ?? Parent, CycleId, lineage ?? [], relay, request, IssuedOn);

    private static Plan Derived(string relay, RelayPlanRequest? request = null, Plan? parent = null)
    {
        var result = Derive(relay, request ?? Request(), parent);
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
        return Assert.IsType<Plan>(result.Plan);
    }

    [Fact]
    public void YenThe_plan_has_the_district_units_as_its_units_and_passes_the_plan_validator()
    {
        var plan = Derived(YenThe);

        Assert.Equal(Relay(YenThe).Units.Select(u => u.Id), plan.Units.Select(u => u.Id));
        Assert.Equal(24, plan.Units.Count);
        Assert.Equal(19, plan.Units.Count(u => u.Block == "commune"));
        Assert.Equal(5, plan.Units.Count(u => u.Block == "district-cqdncsgd"));
        Assert.Contains(plan.Units, u => u.Id == "yen-the-tt-phon-xuong" && u.Name == "Ban Chỉ đạo thị trấn Phồn Xương");
        Assert.Empty(PlanValidator.Validate(plan));
        Assert.Empty(PlanValidator.Validate(PlanJson.Read(PlanJson.Write(plan)).Plan!));
        // Every unit under the district has something to hand in, which none of them had in the province's cycle.
        Assert.All(plan.Units, u => Assert.Contains(plan.Subjects(), s => s.Scope.Includes(u)));
        Assert.DoesNotContain(Relay(YenThe).Descendants(), u => Parent.Subjects().Any(s => s.Scope.Includes(u)));
    }

    [Fact]
    public void YenThe_plan_inherits_the_deliverables_that_apply_to_the_district_with_their_outline_and_forms_and_takes_its_deadlines()
    {
        var plan = Derived(YenThe);

        Assert.Equal([Report, DistrictReview], plan.Deliverables.Select(d => d.Id));
        foreach (var deliverable in plan.Deliverables)
        {
            var inherited = Parent.Deliverables.Single(d => d.Id == deliverable.Id);
            Assert.Equal(["commune", "district-cqdncsgd"], deliverable.AppliesTo.Blocks.Order(StringComparer.Ordinal));
            Assert.Equal(inherited.Title, deliverable.Title);
            Assert.Equal(inherited.Kind, deliverable.Kind);
            Assert.Equal(inherited.LatePolicy, deliverable.LatePolicy);
            Assert.Equal(inherited.Outline, deliverable.Outline);
            Assert.Equal(inherited.Forms.Select(f => f.Id), deliverable.Forms.Select(f => f.Id));
            Assert.Equal(inherited.Forms.Select(f => f.Fields.Count), deliverable.Forms.Select(f => f.Fields.Count));
            Assert.Equal(Deadlines()[deliverable.Id], deliverable.Deadline);
        }

        Assert.Equal(3, plan.Deliverables[0].Forms.Count);
        Assert.Equal(Parent.Scales, plan.Scales);
        Assert.Equal(Parent.Members, plan.Members);
        Assert.Equal(Parent.Reminders, plan.Reminders);
        Assert.Empty(plan.Milestones);
    }

    [Fact]
    public void A_form_scoped_to_other_blocks_is_dropped_and_one_scoped_to_include_the_district_loses_its_scope()
    {
        var report = Parent.Deliverables.Single(d => d.Id == Report);
        var forms = report.Forms.ToList();
        var parent = Parent with
        {
            Deliverables =
            [
                report with
                {
                    Forms =
                    [
                        forms[0] with { AppliesTo = new UnitScope { Blocks = ["provincial-department", "provincial-body"] } },
                        forms[1] with { AppliesTo = new UnitScope { Blocks = ["district-committee", "provincial-body"] } },
                        forms[2] with { AppliesTo = new UnitScope { Units = [TanYen] } },
                    ],
                },
                .. Parent.Deliverables.Where(d => d.Id != Report),
            ],
        };
        Assert.Empty(PlanValidator.Validate(parent));

        var yenThe = Derived(YenThe, parent: parent).Deliverables.Single(d => d.Id == Report);
        var tanYen = Derived(TanYen, parent: parent).Deliverables.Single(d => d.Id == Report);

        var onlyDistricts = Assert.Single(yenThe.Forms);
        Assert.Equal(forms[1].Id, onlyDistricts.Id);
        Assert.Null(onlyDistricts.AppliesTo);
        Assert.Equal([forms[1].Id, forms[2].Id], tanYen.Forms.Select(f => f.Id));
        Assert.All(tanYen.Forms, f => Assert.Null(f.AppliesTo));
    }

    [Fact]
    public void A_deliverable_the_district_retains_is_not_handed_down_and_needs_no_deadline_and_an_unknown_one_is_refused()
    {
        var deadlines = Deadlines();
        deadlines.Remove(DistrictReview);

        var plan = Derived(YenThe, Request(deadlines) with { Retained = [DistrictReview] });
        var unknown = Derive(YenThe, Request() with { Retained = ["khong-co"] });

        Assert.DoesNotContain(plan.Deliverables, d => d.Id == DistrictReview);
        Assert.Contains(plan.Deliverables, d => d.Id == Report);
        Assert.Equal("$.retained[0]", Assert.Single(unknown.Errors).Path);
    }

    [Fact]
    public void A_deliverable_that_does_not_apply_to_the_district_is_not_inherited()
    {
        var extra = Parent.Deliverables[0] with { Id = "bao-cao-so-nganh", AppliesTo = new UnitScope { Blocks = ["provincial-department"] } };
        var parent = Parent with { Deliverables = [.. Parent.Deliverables, extra] };

        var plan = Derived(YenThe, parent: parent);

        Assert.DoesNotContain(plan.Deliverables, d => d.Id == extra.Id);
    }

    [Fact]
    public void The_proposal_round_becomes_a_round_for_the_units_and_a_pick_round_within_the_district_quota_restated_over_all_its_picks()
    {
        var plan = Derived(YenThe);
        var parentRound = Parent.NominationRounds.Single(r => r.Id == Round);

        Assert.Equal([Round, PlanDerivation.PickRoundId(Round)], plan.NominationRounds.Select(r => r.Id));
        var units = plan.NominationRounds[0];
        Assert.Null(units.PickedFrom);
        Assert.Equal(["commune", "district-cqdncsgd"], units.Proposers.Blocks.Order(StringComparer.Ordinal));
        Assert.Equal(Deadline.Before(new DateOnly(2024, 3, 25)), units.Deadline);
        Assert.True(units.Optional);
        Assert.Empty(units.Quotas);
        Assert.False(units.QuotasAreExhaustive);
        Assert.Equal(parentRound.Eligibility, units.Eligibility);
        Assert.Equal(parentRound.LatePolicy, units.LatePolicy);

        var pick = plan.NominationRounds[1];
        Assert.Equal("giay-khen-giam-doc-chon", pick.Id);
        Assert.Equal(Round, pick.PickedFrom);
        Assert.Equal(Round, PlanDerivation.ForwardsTo(pick.Id));
        Assert.Null(pick.Deadline);
        Assert.Equal(parentRound.AwardLevel, pick.AwardLevel);
        Assert.Contains("Ban Chỉ đạo huyện Yên Thế", pick.Title, StringComparison.Ordinal);
        // "Ban Chỉ đạo cấp huyện mỗi đơn vị lựa chọn đề nghị khen thưởng đối với 01 tập thể, 02 cá nhân (trong đó có 01 tập
        // thể hoặc 01 cá nhân thuộc lực lượng Công an ...)": per proposer at the province, over all picks at the district.
        var districtRule = parentRound.Quotas.Single(q => q.Id == "gd-huyen");
        Assert.Equal(QuotaGrouping.Proposer, districtRule.Per);
        var quota = Assert.Single(pick.Quotas);
        Assert.Equal("gd-huyen", quota.Id);
        Assert.Equal(QuotaGrouping.All, quota.Per);
        Assert.True(quota.Match.IsEmpty);
        Assert.Equal((3, 1, 2, 1, 1), (quota.Max, quota.MaxCollective, quota.MaxIndividual, quota.MinPolice, quota.MaxPolice));
        // The province's own picks (Bằng khen) are not the district's to make.
        Assert.DoesNotContain(plan.NominationRounds, r => r.Id is "bang-khen-chu-tich-tinh" or "bang-khen-bo-truong");
    }

    [Fact]
    public void The_derived_plan_names_its_origin_and_lineage_and_is_issued_by_the_district()
    {
        var relay = Relay(YenThe);
        var plan = Derived(YenThe);
        var deeper = Assert.IsType<Plan>(Derive(YenThe, Request(), lineage: ["bo-cong-an"]).Plan);

        Assert.Equal(PlanDerivation.SubCycleId(Parent.Id, YenThe), plan.Id);
        Assert.Equal($"{Parent.Id}.{YenThe}", plan.Id);
        Assert.Equal(new PlanOrigin { ParentCycleId = CycleId, ParentPlanId = Parent.Id, RelayUnitId = YenThe, Lineage = plan.Origin!.Lineage }, plan.Origin);
        Assert.Equal([YenThe], plan.Origin.Lineage);
        Assert.Equal(["bo-cong-an", YenThe], deeper.Origin!.Lineage);
        Assert.Equal("12/KH-BCĐ", plan.Number);
        Assert.Equal(relay.Name, plan.Issuer);
        Assert.Equal(IssuedOn, plan.IssuedOn);
        Assert.Equal(relay.Emails, plan.OperatorEmails);
        Assert.StartsWith($"Kế hoạch số {Parent.Number} ngày 11/03/2024 của {Parent.Issuer}", plan.LegalBasis[0], StringComparison.Ordinal);
        // The district's review is due within May 2024: its plan closes then, before the province's (31/07/2024).
        Assert.Equal(new DateOnly(2024, 5, 31), plan.ClosesOn);
        Assert.Null(Parent.Origin);
    }

    [Theory]
    [InlineData(Report, "by", "2024-04-30", "30/04/2024", "30/04/2024")]
    [InlineData(Report, "before", "2024-05-01", "30/04/2024", "30/04/2024")]
    [InlineData(Report, "by", "2024-05-02", "02/05/2024", "30/04/2024")]
    [InlineData(DistrictReview, "within-month", "2024-05", "31/05/2024", "31/05/2024")]
    [InlineData(DistrictReview, "by", "2024-06-10", "10/06/2024", "31/05/2024")]
    [InlineData(Round, "within-month", "2024-03", "31/03/2024", "31/03/2024")]
    [InlineData(Round, "before", "2024-04-02", "01/04/2024", "31/03/2024")]
    public void A_deadline_on_or_after_the_districts_own_is_refused_naming_both_dates(string id, string semantics, string when, string relayLast, string parentLast)
    {
        var deadlines = Deadlines();
        deadlines[id] = semantics switch
        {
            "by" => Deadline.By(DateOnly.Parse(when, System.Globalization.CultureInfo.InvariantCulture)),
            "before" => Deadline.Before(DateOnly.Parse(when, System.Globalization.CultureInfo.InvariantCulture)),
            _ => new Deadline { Semantics = DeadlineSemantics.WithinMonth, Month = when },
        };

        var result = Derive(YenThe, Request(deadlines));

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors, e => e.Path == $"$.deadlines.{id}");
        Assert.Contains($"hạn cuối {relayLast}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"hạn cuối {parentLast})", error.Message, StringComparison.Ordinal);
        Assert.Contains(deadlines[id].Describe(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_one_day_before_the_districts_own_is_taken()
    {
        var deadlines = new Dictionary<string, Deadline>
        {
            [Report] = Deadline.By(new DateOnly(2024, 4, 29)),
            [DistrictReview] = Deadline.By(new DateOnly(2024, 5, 30)),
            [Round] = Deadline.By(new DateOnly(2024, 3, 30)),
        };

        var plan = Derived(YenThe, Request(deadlines));

        Assert.Equal(deadlines[Report], plan.Deliverables.Single(d => d.Id == Report).Deadline);
        Assert.Equal(deadlines[Round], plan.NominationRounds.Single(r => r.Id == Round).Deadline);
    }

    [Theory]
    [InlineData(Report, "trước ngày 01/05/2024")]
    [InlineData(DistrictReview, "trong tháng 05/2024")]
    [InlineData(Round, "trước ngày 01/04/2024")]
    public void A_missing_deadline_is_refused(string id, string parentDeadline)
    {
        var deadlines = Deadlines();
        deadlines.Remove(id);

        var result = Derive(YenThe, Request(deadlines));

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"$.deadlines.{id}", error.Path);
        Assert.Contains("Thiếu thời hạn", error.Message, StringComparison.Ordinal);
        Assert.Contains(parentDeadline, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_deadline_is_refused()
    {
        var deadlines = Deadlines();
        deadlines[Report] = new Deadline { Semantics = DeadlineSemantics.WithinMonth, Month = "05/2024" };

        var error = Assert.Single(Derive(YenThe, Request(deadlines)).Errors);

        Assert.Equal($"$.deadlines.{Report}", error.Path);
    }

    [Theory]
    [InlineData("bao-cao-quy")]
    [InlineData("bang-khen-chu-tich-tinh")]
    [InlineData("giay-khen-giam-doc-chon")]
    public void An_unknown_deadline_key_is_refused(string key)
    {
        var deadlines = Deadlines();
        deadlines[key] = Deadline.Before(new DateOnly(2024, 3, 28));

        var result = Derive(YenThe, Request(deadlines));

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"$.deadlines.{key}", error.Path);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deliverable_of_another_block_is_an_unknown_key_for_the_district()
    {
        var extra = Parent.Deliverables[0] with { Id = "bao-cao-so-nganh", AppliesTo = new UnitScope { Blocks = ["provincial-department"] } };
        var parent = Parent with { Deliverables = [.. Parent.Deliverables, extra] };
        var deadlines = Deadlines();
        deadlines[extra.Id] = Deadline.Before(new DateOnly(2024, 4, 20));

        var error = Assert.Single(Derive(YenThe, Request(deadlines), parent).Errors);

        Assert.Equal("$.deadlines.bao-cao-so-nganh", error.Path);
    }

    [Fact]
    public void Only_a_unit_of_the_cycle_can_derive_and_only_with_units_under_it()
    {
        var commune = Derive("yen-the-xa-dong-tien", Request());
        var noUnits = Derive("bcd-luc-nam", Request());

        Assert.Null(commune.Plan);
        Assert.Equal("relay", Assert.Single(commune.Errors).Path);
        Assert.Null(noUnits.Plan);
        Assert.Equal("$.units", Assert.Single(noUnits.Errors).Path);
    }

    [Fact]
    public void A_district_without_units_in_the_plan_can_add_its_own()
    {
        var request = Request() with
        {
            Units = [new Unit { Id = "luc-nam-tt-doi-ngo", Name = "Ban Chỉ đạo thị trấn Đồi Ngô", Block = "commune", Emails = ["vanphong@tt-doi-ngo.lucnam.bacgiang.example"] }],
        };

        var plan = Derived("bcd-luc-nam", request);

        Assert.Equal(["luc-nam-tt-doi-ngo"], plan.Units.Select(u => u.Id));
        Assert.Equal(["commune"], plan.Deliverables[0].AppliesTo.Blocks);
    }

    [Fact]
    public void An_added_unit_whose_id_is_taken_in_the_tree_is_refused()
    {
        var request = Request() with
        {
            Units = [new Unit { Id = "yen-the-xa-dong-tien", Name = "Trùng mã", Block = "commune", Emails = ["trung@yenthe.bacgiang.example"] }],
        };

        var result = Derive(YenThe, request);

        Assert.Null(result.Plan);
        Assert.Contains(result.Errors, e => e.Path == "$.units" && e.Message.Contains("yen-the-xa-dong-tien", StringComparison.Ordinal));
    }

    [Fact]
    public void TanYen_derives_its_own_plan_for_its_own_units()
    {
        var plan = Derived(TanYen);

        Assert.Equal(27, plan.Units.Count);
        Assert.Equal(22, plan.Units.Count(u => u.Block == "commune"));
        Assert.DoesNotContain(plan.AllUnits(), u => u.Id.StartsWith("yen-the-", StringComparison.Ordinal));
        Assert.Equal($"{Parent.Id}.{TanYen}", plan.Id);
        Assert.Empty(PlanValidator.Validate(plan));
    }
}
