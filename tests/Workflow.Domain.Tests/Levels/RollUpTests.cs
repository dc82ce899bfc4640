using Workflow.Domain.Consolidation;
using Workflow.Domain.Levels;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Domain.Tests.Levels;

/// <summary>
/// A district's report to the province, pre-filled from its communes' reports: numbers summed, a table's rows joined
/// with the commune each came from, the base units counted; every figure the district changes needs its reason.
/// </summary>
public sealed class RollUpTests
{
    private static readonly FormField Cases = new() { Id = "so-vu", Label = "Số vụ", Type = FieldType.Integer };
    private static readonly FormField Held = new() { Id = "hoi-nghi", Label = "Đã tổ chức hội nghị", Type = FieldType.Boolean };

    private static readonly FormField Years = new()
    {
        Id = "theo-nam",
        Label = "Kết quả theo năm",
        Type = FieldType.Table,
        MaxRows = 2,
        Columns = [new TableColumn { Id = "nam", Label = "Năm", Type = ColumnType.Year, Required = true }, new TableColumn { Id = "so", Label = "Số", Type = ColumnType.Integer }],
    };

    private static readonly Deliverable Report = new()
    {
        Id = "bao-cao",
        Kind = DeliverableKind.Report,
        Title = "Báo cáo",
        AppliesTo = new UnitScope { Blocks = ["xa", "huyen"] },
        Deadline = Deadline.Before(new DateOnly(2024, 5, 1)),
        Forms = [new StatisticalForm { Id = "bieu-1", Title = "Biểu 1", Fields = [Cases, Held, Years] }],
    };

    private static readonly Unit[] Communes = [.. Enumerable.Range(1, 3).Select(i => new Unit { Id = $"xa-{i}", Name = $"Xã {i}", Block = "xa", Emails = [$"xa{i}@thunghiem.example"] })];

    private static readonly Unit District = new() { Id = "huyen", Name = "Huyện An Phú", Block = "huyen", Emails = ["huyen@thunghiem.example"], Units = Communes };

    private static readonly Plan Sub = new()
    {
        Id = "tinh.huyen",
        Number = "1/KH",
        IssuedOn = new DateOnly(2024, 3, 1),
        Issuer = "Huyện An Phú",
        Title = "Kế hoạch cấp huyện",
        Kind = CycleKind.FinalReview,
        DataPeriod = new DatePeriod(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)),
        ClosesOn = new DateOnly(2024, 4, 30),
        Blocks = [new Block("xa", "Xã")],
        Units = Communes,
        Deliverables = [Report with { AppliesTo = new UnitScope { Blocks = ["xa"] }, Deadline = Deadline.Before(new DateOnly(2024, 4, 20)) }],
        Reminders = new ReminderPolicy(),
    };

    private static ReportStatistics Stats(int cases, params (string Year, string Count)[] rows) => new()
    {
        Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
        {
            ["bieu-1"] = new Dictionary<string, FieldValue>
            {
                ["so-vu"] = FieldValue.Of(cases),
                ["hoi-nghi"] = FieldValue.Of(true),
                ["theo-nam"] = FieldValue.Of([.. rows.Select(r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["nam"] = r.Year, ["so"] = r.Count })]),
            },
        },
    };

    private static readonly UnitReport[] Reports =
    [
        new("xa-1", ReportState.OnTime, DateTimeOffset.UnixEpoch, Stats(4, ("2022", "1"), ("2023", "2"))),
        new("xa-2", ReportState.Late, DateTimeOffset.UnixEpoch, Stats(5, ("2023", "3"))),
        new("xa-3", ReportState.Missing, null, null),
    ];

    private static ReportStatistics Prefilled() => RollUp.Prefill(Sub, Report, District, Consolidator.Consolidate(Sub, "bao-cao", Reports), Reports);

    [Fact]
    public void Numbers_are_summed_tables_joined_with_their_commune_and_yes_no_left_to_the_district()
    {
        var prefilled = Prefilled();

        Assert.Equal(9, prefilled.Get("bieu-1", "so-vu")!.Number);
        Assert.Null(prefilled.Get("bieu-1", "hoi-nghi"));
        var rows = prefilled.Get("bieu-1", "theo-nam")!.Rows!;
        Assert.Equal(["Xã 1|2022", "Xã 1|2023", "Xã 2|2023"], rows.Select(r => $"{r[RollUp.OriginColumn]}|{r["nam"]}"));
    }

    [Fact]
    public void The_base_counts_each_commune_by_its_state_and_a_relay_below_by_its_own_base()
    {
        Assert.Equal(new BaseCompletion(3, 1, 1, 1), RollUp.BaseOf(Reports));

        var deeper = new UnitReport("xa-4", ReportState.OnTime, null, Stats(1) with
        {
            RollUp = new RollUpInfo { SubCycleId = "tinh.huyen.xa-4", Base = new BaseCompletion(30, 25, 2, 3) },
        });
        Assert.Equal(new BaseCompletion(33, 26, 3, 4), RollUp.BaseOf([.. Reports, deeper]));
        Assert.Equal("Huyện An Phú: 29/33 đơn vị cơ sở đã nộp (3 nộp muộn, 4 chưa nộp)", RollUp.BaseOf([.. Reports, deeper]).Describe("Huyện An Phú"));
    }

    [Fact]
    public void A_changed_figure_needs_a_reason_and_is_recorded_with_it_and_a_reason_for_nothing_changed_is_refused()
    {
        var prefilled = Prefilled();
        var fields = prefilled.Forms["bieu-1"].ToDictionary(f => f.Key, f => f.Value);
        fields["so-vu"] = FieldValue.Of(11);
        fields["hoi-nghi"] = FieldValue.Of(true);
        var corrected = new ReportStatistics { Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>> { ["bieu-1"] = fields } };
        var at = new DateTimeOffset(2024, 4, 25, 2, 0, 0, TimeSpan.Zero);

        var (_, missing) = RollUp.Apply(Report, District, prefilled, corrected, new Dictionary<string, string>(), "tinh.huyen", BaseCompletion.None, "huyen-op", at);
        var (_, stray) = RollUp.Apply(Report, District, prefilled, prefilled, new Dictionary<string, string> { ["bieu-1.so-vu"] = "lý do" }, "tinh.huyen", BaseCompletion.None, "huyen-op", at);
        var (sent, errors) = RollUp.Apply(Report, District, prefilled, corrected, new Dictionary<string, string> { ["bieu-1.so-vu"] = "Bổ sung 02 vụ" }, "tinh.huyen", RollUp.BaseOf(Reports), "huyen-op", at);

        Assert.Equal("corrections.bieu-1.so-vu", Assert.Single(missing).Field);
        Assert.Equal("corrections.bieu-1.so-vu", Assert.Single(stray).Field);
        Assert.Empty(errors);
        var correction = Assert.Single(sent.RollUp!.Corrections);
        Assert.Equal(("Số vụ", "9", "11", "Bổ sung 02 vụ"), (correction.Label, correction.Prefilled, correction.Value, correction.Reason));
        Assert.Equal(("huyen-op", at, new BaseCompletion(3, 1, 1, 1)), (sent.RollUp.By, sent.RollUp.At, sent.RollUp.Base));
    }

    [Fact]
    public void A_rolled_up_table_may_exceed_a_units_row_limit_and_carry_origins_which_a_units_own_report_may_not()
    {
        var prefilled = Prefilled();
        var fields = prefilled.Forms["bieu-1"].ToDictionary(f => f.Key, f => f.Value);
        fields["hoi-nghi"] = FieldValue.Of(true);
        var statistics = new ReportStatistics { Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>> { ["bieu-1"] = fields } };
        var (sent, _) = RollUp.Apply(Report, District, prefilled, statistics, new Dictionary<string, string>(), "tinh.huyen", BaseCompletion.None, "huyen-op", DateTimeOffset.UnixEpoch);

        Assert.Empty(StatisticsValidator.Validate(Report, sent, District));
        Assert.Contains(StatisticsValidator.Validate(Report, statistics, District), e => e.Field == "forms.bieu-1.theo-nam" && e.Message.Contains("tối đa 2 dòng", StringComparison.Ordinal));
        fields["theo-nam"] = FieldValue.Of([.. fields["theo-nam"].Rows!.Take(2)]);
        var claimed = new ReportStatistics { Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>> { ["bieu-1"] = fields } };
        Assert.Contains(StatisticsValidator.Validate(Report, claimed, District), e => e.Field == $"forms.bieu-1.theo-nam.rows[0].{RollUp.OriginColumn}");
    }
}
