using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Workflow.Domain.Awards;

namespace Workflow.Documents.Tests;

/// <summary>
/// The tờ trình, the quyết định and the list of the Bắc Giang province chair's round, written to memory and read back:
/// what Decree 30/2020/NĐ-CP requires on the page is there, and the annex lists every awardee once.
/// </summary>
public sealed class AwardDocumentsTests
{
    private static readonly AwardDraft Draft = BacGiangAwards.ChairDraft();
    private static readonly WrittenDocument Decision = WrittenDocument.Write(s => AwardDocuments.WriteDecision(Draft, s));
    private static readonly WrittenDocument Submission = WrittenDocument.Write(s => AwardDocuments.WriteSubmission(Draft, s));

    [Fact]
    public void Both_documents_are_valid_open_xml()
    {
        Assert.Empty(Decision.Errors);
        Assert.Empty(Submission.Errors);
    }

    [Fact]
    public void Pages_are_a4_with_decree_30_margins()
    {
        foreach (var document in new[] { Decision, Submission })
        {
            var size = document.Section.GetFirstChild<PageSize>()!;
            var margin = document.Section.GetFirstChild<PageMargin>()!;
            Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value));
            Assert.Equal((1134, 1134, 1701U, 850U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        }
    }

    [Fact]
    public void Decision_header_names_the_authority_the_nation_and_the_place_and_date()
    {
        var header = Decision.Tables[0];
        var texts = header.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Equal(2, header.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        // The committee on one line, its province on the next.
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG"], texts.Take(2));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", texts);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", texts);
        Assert.Contains("Số: …/QĐ-UBND", texts);
        Assert.Contains("Bắc Giang, ngày 15 tháng 4 năm 2024", texts);
        // The province chair's decision has no superior organ line.
        Assert.DoesNotContain("BỘ CÔNG AN", texts);
    }

    [Fact]
    public void Decision_body_cites_every_basis_and_states_three_articles()
    {
        var texts = Decision.Paragraphs;

        Assert.Contains("QUYẾT ĐỊNH", texts);
        Assert.Contains(
            $"Về việc tặng Bằng khen của Chủ tịch UBND tỉnh cho các tập thể, cá nhân có thành tích xuất sắc trong {Draft.Achievement}", texts);
        Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", texts);
        foreach (var basis in Draft.LegalBasis)
        {
            Assert.Contains($"Căn cứ {basis};", texts);
        }

        Assert.Contains("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", texts);
        Assert.Contains("Căn cứ Kế hoạch số …/KH-BCĐ ngày 11/03/2024 của " + BacGiangAwards.Plan.Issuer + ";", texts);
        Assert.Contains("Xét đề nghị của Công an tỉnh Bắc Giang.", texts);
        Assert.Contains("QUYẾT ĐỊNH:", texts);
        Assert.Contains(
            "Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 2 tập thể và 2 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong "
            + $"{Draft.Achievement}.",
            texts);
        Assert.Contains(texts, t => t.StartsWith("Điều 2. Tập thể, cá nhân tại Điều 1 được khen thưởng", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Công an tỉnh Bắc Giang, ", StringComparison.Ordinal));
        // Articles come after the bases, the bases after the authority's title.
        Assert.True(texts.ToList().IndexOf("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC GIANG") < texts.ToList().IndexOf("QUYẾT ĐỊNH:"));
    }

    [Fact]
    public void Decision_is_signed_by_the_chair_and_sent_to_its_recipients()
    {
        var texts = Decision.Paragraphs;

        Assert.Contains("CHỦ TỊCH", texts);
        Assert.Contains("Nơi nhận:", texts);
        Assert.Contains("- Như Điều 3;", texts);
        Assert.Contains("- Công an tỉnh Bắc Giang;", texts);
        Assert.Contains("- Lưu: VT, TĐKT.", texts);
    }

    [Fact]
    public void Decision_annex_lists_each_awardee_once_under_its_section()
    {
        var texts = Decision.Paragraphs;
        Assert.Contains("DANH SÁCH", texts);
        Assert.Contains("Tập thể, cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh", texts);
        Assert.Contains("(Kèm theo Quyết định số …/QĐ-UBND ngày …/…/2024 của Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang)", texts);

        var rows = Decision.Annex.Elements<TableRow>().ToList();
        // The heading row, two section rows, one row per awardee.
        Assert.Equal(1 + 2 + Draft.Awardees.Count, rows.Count);
        Assert.Equal(["STT", "Tên tập thể, cá nhân", "Chức vụ", "Đơn vị", "Thành tích"], WrittenDocument.CellTexts(rows[0]));
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal(["I. TẬP THỂ (2)"], WrittenDocument.CellTexts(rows[1]));
        Assert.Equal(["II. CÁ NHÂN (2)"], WrittenDocument.CellTexts(rows[4]));

        var lines = rows.Where(r => r.Elements<TableCell>().Count() == 5).Skip(1).Select(WrittenDocument.CellTexts).ToList();
        Assert.Equal(Draft.Awardees.Select(a => a.Name), lines.Select(l => l[1]));
        Assert.Equal(Draft.Awardees.Select(a => a.Unit), lines.Select(l => l[3]));
        Assert.Equal(["1", "2", "1", "2"], lines.Select(l => l[0]));
        Assert.Equal(["Ban Chỉ đạo xã Đồng Tiến", "Trường THCS Nhã Nam"], lines.Skip(2).Select(l => l[3]));
        Assert.Equal(["Trưởng Công an xã", "Hiệu trưởng"], lines.Skip(2).Select(l => l[2]));
        Assert.Equal(Draft.Awardees.Select(a => a.Achievement), lines.Select(l => l[4]));
    }

    [Fact]
    public void An_annex_without_individuals_has_no_individuals_section()
    {
        var draft = Draft with { Awardees = [.. Draft.Awardees.Where(a => a.Kind == Domain.Nominations.NomineeKind.Collective)] };

        var rows = WrittenDocument.Write(s => AwardDocuments.WriteDecision(draft, s)).Annex.Elements<TableRow>().ToList();

        Assert.Equal(1 + 1 + 2, rows.Count);
        Assert.DoesNotContain(rows, r => r.InnerText.StartsWith("II.", StringComparison.Ordinal));
    }

    [Fact]
    public void Submission_asks_the_authority_for_the_award_on_the_round_account()
    {
        var texts = Submission.Paragraphs;

        Assert.Contains("BỘ CÔNG AN", texts);
        Assert.Contains("CÔNG AN TỈNH BẮC GIANG", texts);
        Assert.Contains("Số: …/TTr-CAT", texts);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", texts);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", texts);
        Assert.Contains("Bắc Giang, ngày 15 tháng 4 năm 2024", texts);
        Assert.Contains("TỜ TRÌNH", texts);
        Assert.Contains(texts, t => t.StartsWith("Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh", StringComparison.Ordinal));
        Assert.Contains("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang.", texts);
        Assert.Contains("Căn cứ:", texts);
        Assert.Contains("- Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", texts);
        foreach (var basis in Draft.LegalBasis.Where(b => b != Draft.PlanReference))
        {
            Assert.Contains(texts, t => t.StartsWith($"- {basis}", StringComparison.Ordinal));
        }

        var account = Assert.Single(texts, t => t.StartsWith($"Thực hiện {Draft.PlanReference}, ", StringComparison.Ordinal));
        Assert.Contains("tiếp nhận 9 hồ sơ", account, StringComparison.Ordinal);
        Assert.Contains("có 2 hồ sơ không đủ điều kiện", account, StringComparison.Ordinal);
        Assert.Contains(
            "Công an tỉnh Bắc Giang kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang xem xét, tặng Bằng khen của Chủ tịch UBND tỉnh "
            + "cho 2 tập thể và 2 cá nhân (có danh sách kèm theo).",
            texts);
        Assert.Contains("GIÁM ĐỐC", texts);
        Assert.Contains("Nơi nhận:", texts);
        Assert.Contains("- Như trên;", texts);
        Assert.Contains("- Lưu: VT, CAT.", texts);
    }

    [Fact]
    public void Submission_annexes_the_same_list()
    {
        Assert.Contains("Tập thể, cá nhân đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh", Submission.Paragraphs);
        Assert.Contains("(Kèm theo Tờ trình số …/TTr-CAT ngày …/…/2024 của Công an tỉnh Bắc Giang)", Submission.Paragraphs);
        Assert.Equal(
            Decision.Annex.Elements<TableRow>().Select(r => r.InnerText),
            Submission.Annex.Elements<TableRow>().Select(r => r.InnerText));
    }

    [Theory]
    [InlineData(2024, 2, 5, "Bắc Giang, ngày 05 tháng 02 năm 2024")]
    [InlineData(2024, 1, 31, "Bắc Giang, ngày 31 tháng 01 năm 2024")]
    [InlineData(2024, 3, 1, "Bắc Giang, ngày 01 tháng 3 năm 2024")]
    [InlineData(2024, 12, 9, "Bắc Giang, ngày 09 tháng 12 năm 2024")]
    public void Place_and_date_line_pads_days_and_only_the_first_two_months(int year, int month, int day, string line)
    {
        var texts = WrittenDocument.Write(s => AwardDocuments.WriteDecision(Draft with { Date = new DateOnly(year, month, day) }, s)).Paragraphs;

        Assert.Contains(line, texts);
    }

    [Fact]
    public void List_has_one_row_per_awardee_in_the_drafts_order()
    {
        using var stream = new MemoryStream();
        AwardDocuments.WriteList(Draft, stream);
        stream.Position = 0;

        Assert.Equal(["Danh sách"], MiniExcel.GetSheetNames(stream));
        var header = ((IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: false, sheetName: "Danh sách").First())
            .Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(["STT", "Loại", "Tên tập thể, cá nhân", "Chức vụ", "Đơn vị", "Thành tích", "Mã đề nghị"], header);

        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Danh sách").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Draft.Awardees.Select(a => a.NominationId), rows.Select(r => r["Mã đề nghị"]?.ToString()));
        Assert.Equal(Draft.Awardees.Select(a => a.Name), rows.Select(r => r["Tên tập thể, cá nhân"]?.ToString()));
        Assert.Equal(Draft.Awardees.Select(a => a.Unit), rows.Select(r => r["Đơn vị"]?.ToString()));
        Assert.Equal(Draft.Awardees.Select(a => a.Achievement), rows.Select(r => r["Thành tích"]?.ToString()));
        Assert.Equal(["Tập thể", "Tập thể", "Cá nhân", "Cá nhân"], rows.Select(r => r["Loại"]?.ToString()));
        Assert.Equal(["1", "2", "3", "4"], rows.Select(r => Convert.ToString(r["STT"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Trưởng Công an xã", rows[2]["Chức vụ"]?.ToString());
    }

    [Fact]
    public void An_empty_list_keeps_its_heading_row()
    {
        using var stream = new MemoryStream();
        AwardDocuments.WriteList(Draft with { Awardees = [] }, stream);
        stream.Position = 0;

        var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: "Danh sách").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("STT", Assert.Single(rows).Values.First()?.ToString());
    }
}
