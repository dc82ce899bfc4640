using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Validation;

namespace Workflow.Domain.Tests.Validation;

public sealed class PlanFeatureValidationTests
{
    private static Plan WithForms(params StatisticalForm[] forms)
    {
        var plan = PlanBuilder.Minimal();
        return plan with { Deliverables = [plan.Deliverables[0] with { Forms = forms }] };
    }

    private static IReadOnlyList<string> Paths(Plan plan) => [.. PlanValidator.Validate(plan).Select(e => e.Path)];

    [Fact]
    public void A_form_without_fields_is_a_file_only_form_and_its_template_names_a_file()
    {
        Assert.Empty(Paths(WithForms(new StatisticalForm { Id = "bm-1", Title = "Biểu mẫu 1–8", Templates = [new FormTemplate("Biểu mẫu 1", "bieu-mau-1.xlsx")] })));
        Assert.Equal(["$.deliverables[0].forms[0].templates[0].file"], Paths(WithForms(new StatisticalForm { Id = "bm-1", Title = "Phụ lục", Templates = [new FormTemplate("Phụ lục", "../plan.json")] })));
    }

    [Fact]
    public void A_table_field_needs_columns_choices_and_sane_bounds()
    {
        var table = new FormField
        {
            Id = "bang",
            Label = "Bảng",
            Type = FieldType.Table,
            MinRows = 5,
            MaxRows = 2,
            GroupBy = "khong-co",
            Columns = [new TableColumn { Id = "loai", Label = "Loại", Type = ColumnType.Choice }, new TableColumn { Id = "ten", Label = "Tên", Type = ColumnType.Text, Max = 3 }],
        };

        Assert.Equal(
            ["$.deliverables[0].forms[0].fields[0].columns[0].choices", "$.deliverables[0].forms[0].fields[0].columns[1].max", "$.deliverables[0].forms[0].fields[0].minRows", "$.deliverables[0].forms[0].fields[0].groupBy"],
            Paths(WithForms(new StatisticalForm { Id = "b", Title = "Biểu", Fields = [table] })));
        Assert.Equal(
            ["$.deliverables[0].forms[0].fields[0].columns"],
            Paths(WithForms(new StatisticalForm { Id = "b", Title = "Biểu", Fields = [new FormField { Id = "so", Label = "Số", Type = FieldType.Integer, Columns = table.Columns }] })));
        Assert.Equal(
            ["$.deliverables[0].forms[0].fields[0].columns"],
            Paths(WithForms(new StatisticalForm { Id = "b", Title = "Biểu", Fields = [table with { Columns = [], MinRows = null, MaxRows = null, GroupBy = null }] })));
    }

    [Fact]
    public void A_form_scope_must_name_known_blocks_and_reach_some_unit_of_the_deliverable()
    {
        var field = new FormField { Id = "so", Label = "Số", Type = FieldType.Integer };
        Assert.Empty(Paths(WithForms(new StatisticalForm { Id = "b", Title = "Biểu", Fields = [field], AppliesTo = new UnitScope { Units = ["bcd-yen-the"] } })));
        Assert.Equal(
            ["$.deliverables[0].forms[0].appliesTo.blocks[0]", "$.deliverables[0].forms[0].appliesTo"],
            Paths(WithForms(new StatisticalForm { Id = "b", Title = "Biểu", Fields = [field], AppliesTo = new UnitScope { Blocks = ["commune"] } })));
    }

    [Fact]
    public void A_proposal_round_may_be_undated_and_optional()
    {
        var plan = PlanBuilder.Minimal() with
        {
            NominationRounds = [new NominationRound { Id = "khen", AwardLevel = AwardLevel.EmulationFlag, Title = "Cờ thi đua", Proposers = new UnitScope { Blocks = ["district-committee"] }, Optional = true }],
        };

        Assert.Empty(Paths(plan));
    }

    [Fact]
    public void Milestones_need_an_operator_address_a_deadline_in_the_plan_and_an_id_of_their_own()
    {
        var plan = PlanBuilder.Minimal() with
        {
            Milestones =
            [
                new Milestone { Id = "hoi-nghi", Title = "Hội nghị tổng kết cấp tỉnh", Deadline = Deadline.Before(new DateOnly(2024, 7, 15)) },
                new Milestone { Id = "bao-cao", Title = "Báo cáo Bộ", Deadline = Deadline.Before(new DateOnly(2025, 1, 1)) },
            ],
        };

        Assert.Equal(["$.milestones[1].id", "$.milestones[1].deadline", "$.operatorEmails"], Paths(plan));
        Assert.Equal(["$.operatorEmails[0]"], Paths(plan with { Milestones = [plan.Milestones[0]], OperatorEmails = ["không phải thư"] }));
    }
}
