using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;

namespace Workflow.Domain.Tests.Validation;

public sealed class PlanValidatorTests
{
    [Fact]
    public void MinimalPlan_IsValid()
    {
        Assert.Empty(PlanValidator.Validate(PlanBuilder.Minimal()));
    }

    [Fact]
    public void BrokenSample_IsRefusedWithEveryErrorNamingItsField()
    {
        var read = PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "invalid", "broken.plan.json")));
        Assert.Empty(read.Errors);

        var paths = PlanValidator.Validate(read.Plan!).Select(e => e.Path).ToList();

        Assert.Equal(
            [
                "$.units",
                "$.units[2].block",
                "$.units[2].emails[0]",
                "$.units[2].supervisor",
                "$.reminders.daysBefore[1]",
                "$.reminders.escalateAfterChases",
                "$.deliverables[0].deadline",
                "$.deliverables[1].appliesTo.units[0]",
                "$.deliverables[1].appliesTo",
                "$.deliverables[1].deadline.month",
                "$.nominationRounds[0].deadline",
                "$.nominationRounds[0].quotas[0].minPolice",
                "$.nominationRounds[0].quotas[1].match.nomineeManagedBy[0]",
                "$.nominationRounds[1].pickedFrom",
            ],
            paths);
    }

    [Fact]
    public void DeadlineAfterTheCycleCloses_IsOutsideThePlansTime()
    {
        var plan = PlanBuilder.Minimal();
        plan = plan with { Deliverables = [plan.Deliverables[0] with { Deadline = Deadline.Before(new DateOnly(2024, 9, 1)) }] };

        var error = Assert.Single(PlanValidator.Validate(plan));

        Assert.Equal("$.deliverables[0].deadline", error.Path);
        Assert.Contains("nằm ngoài thời gian của kế hoạch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReminderOnOrAfterTheDeadline_IsRefused()
    {
        var plan = PlanBuilder.Minimal() with { Reminders = new ReminderPolicy { DaysBefore = [3, -1] } };

        var error = Assert.Single(PlanValidator.Validate(plan));

        Assert.Equal("$.reminders.daysBefore[1]", error.Path);
    }

    [Fact]
    public void QuotaNamingAnUnknownUnit_IsRefused()
    {
        var round = new NominationRound
        {
            Id = "giay-khen",
            AwardLevel = AwardLevel.PoliceDirectorCertificate,
            Title = "Giấy khen của Giám đốc Công an tỉnh",
            Proposers = new UnitScope { Blocks = ["district-committee"] },
            Deadline = Deadline.Before(new DateOnly(2024, 4, 1)),
            Quotas = [new QuotaRule { Id = "bao-bg", Description = "Báo Bắc Giang 01 tập thể hoặc cá nhân", Per = QuotaGrouping.NomineeUnit, Match = new QuotaMatch { NomineeUnits = ["bao-bac-giang"] }, Max = 1 }],
        };

        var error = Assert.Single(PlanValidator.Validate(PlanBuilder.Minimal() with { NominationRounds = [round] }));

        Assert.Equal("$.nominationRounds[0].quotas[0].match.nomineeUnits[0]", error.Path);
        Assert.Contains("bao-bac-giang", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EligibilityRuleOnAnUnknownScaleLevel_IsRefused()
    {
        var round = new NominationRound
        {
            Id = "giay-khen",
            AwardLevel = AwardLevel.PoliceDirectorCertificate,
            Title = "Giấy khen",
            Proposers = new UnitScope { Blocks = ["district-committee"] },
            Deadline = Deadline.Before(new DateOnly(2024, 4, 1)),
            Eligibility =
            [
                new EligibilityProfile
                {
                    Id = "cong-an-xa",
                    Name = "Công an cấp xã",
                    NomineeKind = NomineeKind.Collective,
                    Rules = [new YearlyLevelRule { Id = "3-nam", Description = "03 năm liên tục Đơn vị tiên tiến", Scale = "danh-hieu", FromYear = 2021, ToYear = 2023, Minimum = "don-vi-tien-tien", AtLeastLevel = "quyet-thang", AtLeastCount = 4 }],
                },
            ],
        };
        var scale = new Scale { Id = "danh-hieu", Name = "Danh hiệu tập thể", Levels = [new ScaleLevel("don-vi-tien-tien", "Đơn vị tiên tiến"), new ScaleLevel("don-vi-quyet-thang", "Đơn vị quyết thắng")] };

        var errors = PlanValidator.Validate(PlanBuilder.Minimal() with { NominationRounds = [round], Scales = [scale] });

        Assert.Equal(["$.nominationRounds[0].eligibility[0].rules[0].atLeastLevel", "$.nominationRounds[0].eligibility[0].rules[0].atLeastCount"], errors.Select(e => e.Path));
    }

    [Fact]
    public void MalformedJson_IsRefusedWithThePathOfTheBadValue()
    {
        var read = PlanJson.Read("""{ "id": "x", "issuedOn": "11/03/2024" }""");

        Assert.Null(read.Plan);
        var error = Assert.Single(read.Errors);
        Assert.Equal("$.issuedOn", error.Path);
    }

    [Theory]
    [InlineData("deliverables", "$.deliverables[1]")]
    [InlineData("units", "$.units[0]")]
    [InlineData("blocks", "$.blocks[0]")]
    public void NullElementOfAList_IsRefusedWithItsPath_NotThrown(string list, string path)
    {
        var plan = System.Text.Json.Nodes.JsonNode.Parse(PlanJson.Write(PlanBuilder.Minimal()))!;
        var items = plan[list]!.AsArray();
        items.Insert(list == "deliverables" ? 1 : 0, null);

        var read = PlanJson.Read(plan.ToJsonString());

        Assert.Null(read.Plan);
        Assert.Equal([path], read.Errors.Select(e => e.Path));
    }

    [Fact]
    public void NullInsideANestedList_IsRefusedWithItsFullPath()
    {
        var plan = System.Text.Json.Nodes.JsonNode.Parse(PlanJson.Write(PlanBuilder.Minimal()))!;
        plan["units"]![0]!["emails"]!.AsArray().Add(null);

        var read = PlanJson.Read(plan.ToJsonString());

        Assert.Equal(["$.units[0].emails[1]"], read.Errors.Select(e => e.Path));
    }

    [Fact]
    public void UnknownField_IsRefusedRatherThanIgnored()
    {
        var json = PlanJson.Write(PlanBuilder.Minimal()).Replace("\"closesOn\"", "\"closeOn\"", StringComparison.Ordinal);

        var read = PlanJson.Read(json);

        Assert.Null(read.Plan);
        Assert.NotEmpty(read.Errors);
    }

    [Fact]
    public void Plan_RoundTripsThroughJson()
    {
        var plan = PlanBuilder.Minimal();

        var read = PlanJson.Read(PlanJson.Write(plan));

        Assert.Empty(read.Errors);
        Assert.Equal(PlanJson.Write(plan), PlanJson.Write(read.Plan!));
    }
}
