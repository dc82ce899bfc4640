using Workflow.Domain.Plans;
using Workflow.Domain.Reports;

namespace Workflow.Domain.Tests.Reports;

/// <summary>A report carries one filled file per file-only form in the unit's scope, and no other form file; templates are the plan's.</summary>
public sealed class FormFilesTests
{
    private static readonly StatisticalForm Values = new()
    {
        Id = "bieu-01",
        Title = "Biểu 01",
        Fields = [new FormField { Id = "so-vu", Label = "Số vụ", Type = FieldType.Integer }],
    };

    /// <summary>File-only, every unit: "Phụ lục" with its template.</summary>
    private static readonly StatisticalForm Appendix = new()
    {
        Id = "phu-luc",
        Title = "Phụ lục",
        Templates = [new FormTemplate("Mẫu phụ lục", "phu-luc.docx")],
    };

    /// <summary>File-only, communes only: "Biểu mẫu 3".</summary>
    private static readonly StatisticalForm CommuneForm = new()
    {
        Id = "bieu-mau-3",
        Title = "Biểu mẫu 3",
        AppliesTo = new UnitScope { Blocks = ["commune"] },
        Templates = [new FormTemplate("Biểu mẫu 3 (cấp xã)", "bieu-mau-3.xlsx")],
    };

    private static readonly Unit District = new() { Id = "bcd-yen-the", Name = "Ban Chỉ đạo huyện Yên Thế", Block = "district-committee" };

    private static readonly Unit Commune = new() { Id = "xa-tan-an", Name = "Ban Chỉ đạo xã Tân An", Block = "commune" };

    private static Plan Plan()
    {
        var plan = PlanBuilder.Minimal();
        return plan with
        {
            Blocks = [.. plan.Blocks, new Block("commune", "Ban Chỉ đạo cấp xã")],
            Units = [District, Commune],
            Deliverables = [plan.Deliverables[0] with { AppliesTo = new UnitScope { Blocks = ["district-committee", "commune"] }, Forms = [Values, Appendix, CommuneForm] }],
        };
    }

    private static Deliverable Report => Plan().Deliverables[0];

    [Fact]
    public void ACommuneReturnsAFileForEveryFileOnlyFormOfItsScope_AndADistrictOnlyForTheFormsItFills()
    {
        Assert.Equal(["phu-luc", "bieu-mau-3"], FormFiles.Required(Report, Commune).Select(f => f.Id));
        Assert.Equal(["phu-luc"], FormFiles.Required(Report, District).Select(f => f.Id));
        Assert.Empty(FormFiles.Check(Report, Commune, ["phu-luc", "bieu-mau-3"]));
        Assert.Empty(FormFiles.Check(Report, District, ["phu-luc"]));
    }

    [Fact]
    public void AMissingFile_IsRefusedNamingTheFormsPart()
    {
        var error = Assert.Single(FormFiles.Check(Report, Commune, ["phu-luc"]));
        Assert.Equal("form:bieu-mau-3", error.Field);
        Assert.Contains("Thiếu tệp biểu mẫu «Biểu mẫu 3»", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileForAFormOutOfScope_NotFileOnly_Unknown_OrSentTwice_IsRefusedNamingItsPart()
    {
        var outOfScope = Assert.Single(FormFiles.Check(Report, District, ["phu-luc", "bieu-mau-3"]));
        Assert.Equal(("form:bieu-mau-3", "Biểu mẫu «Biểu mẫu 3» không áp dụng cho đơn vị này."), (outOfScope.Field, outOfScope.Message));

        var errors = FormFiles.Check(Report, Commune, ["phu-luc", "bieu-mau-3", "bieu-01", "khong-co", "phu-luc"]);
        Assert.Equal(["form:bieu-01", "form:khong-co", "form:phu-luc"], errors.Select(e => e.Field));
        Assert.Contains("nhập số liệu", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("không có trong «Báo cáo tổng kết»", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("chỉ gửi một tệp", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeliverableWithoutFileOnlyForms_TakesTheReportAlone()
    {
        var plain = Report with { Forms = [Values] };
        Assert.Empty(FormFiles.Check(plain, Commune, []));
        Assert.Equal("form:phu-luc", Assert.Single(FormFiles.Check(plain, Commune, ["phu-luc"])).Field);
    }

    [Fact]
    public void StatisticsForAFileOnlyForm_AreRefused_AndACommuneOnlyFormIsNotAskedOfADistrict()
    {
        var statistics = new ReportStatistics
        {
            Forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>
            {
                ["bieu-01"] = new Dictionary<string, FieldValue> { ["so-vu"] = FieldValue.Of(3) },
                ["phu-luc"] = new Dictionary<string, FieldValue>(),
            },
        };

        var error = Assert.Single(StatisticsValidator.Validate(Report, statistics, District));
        Assert.Equal("forms.phu-luc", error.Field);
    }

    [Fact]
    public void Templates_AreThoseThePlanDeclares_AndAUnitSeesOnlyThoseOfItsForms()
    {
        var plan = Plan();
        Assert.Equal(["phu-luc.docx", "bieu-mau-3.xlsx"], PlanTemplates.Declared(plan).Select(t => t.Template.File));
        Assert.Equal(["phu-luc.docx", "bieu-mau-3.xlsx"], PlanTemplates.For(plan, Commune).Select(t => t.Template.File));
        Assert.Equal(["phu-luc.docx"], PlanTemplates.For(plan, District).Select(t => t.Template.File));
        Assert.True(PlanTemplates.IsDeclared(plan, "bieu-mau-3.xlsx"));
        Assert.False(PlanTemplates.IsDeclared(plan, "Bieu-mau-3.xlsx"));
        Assert.False(PlanTemplates.IsDeclared(plan, "../bieu-mau-3.xlsx"));
        Assert.False(PlanTemplates.IsDeclared(plan, null));
    }
}
