using Workflow.Domain.Plans;
using Workflow.Email;
using Workflow.Email.Templates;

namespace Workflow.Adapters.Tests;

/// <summary>The plan notice links each form's templates (or says one is not attached); a receipt names every file with its form.</summary>
public sealed class FormMailTemplateTests
{
    private static readonly UploadLink Link = UploadLink.For("http://127.0.0.1:5080", "tok-tan-an");
    private static readonly Deadline Report = Deadline.Before(new DateOnly(2024, 5, 1));

    [Fact]
    public void PlanNotice_LinksAnAttachedTemplate_AndSaysWhichIsNotAttachedYet_WithoutALink()
    {
        const string Url = "http://127.0.0.1:5080/api/unit/templates/bieu-mau-3.xlsx?token=%token%";
        var mail = MailTemplates.PlanNotice(new PlanNoticeMail(
            "Ban Chỉ đạo xã Tân An", "45/KH-BCĐ", new DateOnly(2024, 2, 20), "Ban Chỉ đạo 138 tỉnh Bắc Giang", "sơ kết", [
                new("Báo cáo sơ kết", Report)
                {
                    Templates =
                    [
                        new TemplateLink("Biểu mẫu 3", "Mẫu thống kê cấp xã", "bieu-mau-3.xlsx", Url),
                        new TemplateLink("Phụ lục", "Mẫu phụ lục", "phu-luc.docx", null),
                    ],
                },
            ], Link));

        var lines = mail.Text.Split('\n');
        Assert.Contains("- Báo cáo sơ kết: trước ngày 01/05/2024 (thời điểm cuối cùng được nhận: 23:59:59 30/04/2024).", lines);
        Assert.Contains($"  + Biểu mẫu 3, Mẫu thống kê cấp xã (bieu-mau-3.xlsx): tải tệp mẫu tại {Url}", lines);
        Assert.Contains("  + Phụ lục, Mẫu phụ lục (phu-luc.docx): tệp mẫu chưa được đính kèm; khi có sẽ tải được trên trang nộp hồ sơ của đơn vị.", lines);
        Assert.Contains($"<a href=\"{Url}\">{Url}</a>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("phu-luc.docx?", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_OfAReportWithFilledForms_NamesEveryFileWithItsForm()
    {
        var sha = new string('b', 64);
        var mail = MailTemplates.Receipt(new ReceiptMail(
            "Ban Chỉ đạo xã Tân An", "45/KH-BCĐ", "Báo cáo sơ kết", "BG-K7Q2-AAAAAA", Clock.Vietnam(2024, 4, 20, 9), "bao-cao.pdf", 100, sha, 1, Late: false, Report, Link)
        {
            Files =
            [
                new ReceiptFile("Báo cáo", "bao-cao.pdf", 100, sha, "BG-K7Q2-AAAAAA"),
                new ReceiptFile("Biểu mẫu 3", "bieu-mau-3-xa-tan-an.xlsx", 2048, sha, "BG-K7Q2-BBBBBB"),
            ],
        });

        var lines = mail.Text.Split('\n');
        Assert.Contains("Số biên nhận: BG-K7Q2-AAAAAA", lines);
        Assert.Contains("Các tệp đã nhận:", lines);
        Assert.Contains($"- Báo cáo: bao-cao.pdf (100 byte, số biên nhận BG-K7Q2-AAAAAA, SHA-256 {sha})", lines);
        Assert.Contains($"- Biểu mẫu 3: bieu-mau-3-xa-tan-an.xlsx (2048 byte, số biên nhận BG-K7Q2-BBBBBB, SHA-256 {sha})", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Tên tệp:", StringComparison.Ordinal));
        Assert.Contains("Thời điểm nhận (giờ máy chủ): 09:00:00 20/04/2024", lines);
    }

    [Fact]
    public void PlanNoticeValues_CarryTheUnitsEscapedToken_ForItsTemplateLinks()
    {
        var values = MailPersonalization.Values("Ban Chỉ đạo xã Tân An", Link, token: "v1.a+b/c");

        Assert.Equal("v1.a%2Bb%2Fc", values[MailPersonalization.TokenTag]);
        Assert.False(MailPersonalization.Values("A", Link).ContainsKey(MailPersonalization.TokenTag));
    }
}
