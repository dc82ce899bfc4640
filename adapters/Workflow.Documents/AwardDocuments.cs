using System.Data;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Workflow.Domain.Awards;
using Workflow.Domain.Nominations;

namespace Workflow.Documents;

/// <summary>
/// The drafts of one award level as the standing agency files them: the tờ trình it signs, the quyết định it proposes
/// to the authority (both .docx, laid out per Decree 30/2020/NĐ-CP, each with the list of awardees annexed), and the
/// same list as a workbook for checking and merging.
/// </summary>
public static class AwardDocuments
{
    public const string ListSheet = "Danh sách";

    public static IReadOnlyList<string> ListColumns { get; } =
        ["STT", "Loại", "Tên tập thể, cá nhân", "Chức vụ", "Đơn vị", "Thành tích", "Mã đề nghị"];

    /// <summary>The tờ trình: the proposing organ asks the authority to grant the award to the annexed list.</summary>
    public static void WriteSubmission(AwardDraft draft, Stream output)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var body = new Body();
        var text = TextStyle.Body;
        var proposer = DocumentText.Proposer(draft);
        var counts = DocumentText.Counts(draft);

        body.Append(DocumentHeading.Table(draft.Submission, draft.Place, draft.Date));
        body.Append(DocumentHeading.Title(
            "TỜ TRÌNH",
            $"Về việc đề nghị tặng {draft.AwardTitle} cho các tập thể, cá nhân có thành tích xuất sắc trong {draft.Achievement}"));
        body.Append(Word.Centered($"Kính gửi: {draft.Authority}.", text, before: 6, after: 6));

        // The plan is cited by "Thực hiện" right below, not a second time among the căn cứ.
        var basis = draft.LegalBasis.Where(b => b != draft.PlanReference).ToList();
        if (basis.Count > 0)
        {
            body.Append(Word.Body(Word.Run("Căn cứ:", text)));
            for (var i = 0; i < basis.Count; i++)
            {
                body.Append(Word.Body(Word.Run($"- {basis[i]}{(i == basis.Count - 1 ? "." : ";")}", text)));
            }
        }

        body.Append(Word.Body(Word.Run(
            $"Thực hiện {draft.PlanReference}, Cơ quan Thường trực đã tiếp nhận {DocumentText.Number(draft.Proposed)} hồ sơ đề nghị "
            + $"khen thưởng của các đơn vị, trong đó có {DocumentText.Number(draft.Refused)} hồ sơ không đủ điều kiện, tiêu chuẩn. "
            + $"Trên cơ sở thẩm định hồ sơ và thành tích, {proposer} đã xem xét, lựa chọn {counts} có thành tích xuất sắc, "
            + $"đủ điều kiện, tiêu chuẩn đề nghị tặng {draft.AwardTitle}.",
            text)));
        body.Append(Word.Body(Word.Run(
            $"{proposer} kính đề nghị {draft.Authority} xem xét, tặng {draft.AwardTitle} cho {counts} (có danh sách kèm theo).", text)));
        body.Append(Word.BodyKeptWithNext(Word.Run($"Kính trình {draft.Authority} xem xét, quyết định./.", text)));

        body.Append(SignatureBlock.Gap(), SignatureBlock.Table(draft.SubmissionRecipients, draft.Submission.SignerTitle));
        body.Append(AwardeeAnnex.Elements(
            draft,
            $"Tập thể, cá nhân đề nghị tặng {draft.AwardTitle}",
            $"(Kèm theo Tờ trình số …/{draft.Submission.Symbol} ngày …/…/{DocumentText.Year(draft.Date)} của {proposer})"));
        WordPackage.Write(body, output);
    }

    /// <summary>The quyết định the authority signs: căn cứ, three articles, and the annexed list.</summary>
    public static void WriteDecision(AwardDraft draft, Stream output)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var body = new Body();
        var text = TextStyle.Body;
        var proposer = DocumentText.Proposer(draft);

        body.Append(DocumentHeading.Table(draft.Decision, draft.Place, draft.Date));
        body.Append(DocumentHeading.Title(
            "QUYẾT ĐỊNH",
            $"Về việc tặng {draft.AwardTitle} cho các tập thể, cá nhân có thành tích xuất sắc trong {draft.Achievement}"));
        body.Append(Word.Centered(OrganName.Upper(draft.Authority), text.Bolded, before: 6));

        body.Append(draft.LegalBasis.Select(b => Word.Body(Word.Run($"Căn cứ {b};", text.Italicized))));
        body.Append(Word.Body(Word.Run($"Xét đề nghị của {proposer}.", text.Italicized)));
        body.Append(Word.Centered("QUYẾT ĐỊNH:", text.Bolded, before: 12, after: 6));

        body.Append(Article(1,
            $"Tặng {draft.AwardTitle} cho {DocumentText.Counts(draft)} (có danh sách kèm theo) đã có thành tích xuất sắc trong {draft.Achievement}."));
        body.Append(Article(2,
            "Tập thể, cá nhân tại Điều 1 được khen thưởng theo quy định của Luật Thi đua, khen thưởng và Nghị định số 98/2023/NĐ-CP."));
        body.Append(Article(
            3,
            $"Quyết định này có hiệu lực kể từ ngày ký. {proposer}, các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại "
            + "Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            keepWithSignature: true));

        body.Append(SignatureBlock.Gap(), SignatureBlock.Table(draft.DecisionRecipients, draft.Decision.SignerTitle));
        body.Append(AwardeeAnnex.Elements(
            draft,
            $"Tập thể, cá nhân được tặng {draft.AwardTitle}",
            $"(Kèm theo Quyết định số …/{draft.Decision.Symbol} ngày …/…/{DocumentText.Year(draft.Date)} của {draft.Authority})"));
        WordPackage.Write(body, output);
    }

    /// <summary>The list as one sheet, one row per awardee in the draft's order.</summary>
    public static void WriteList(AwardDraft draft, Stream output)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(output);
        // A table rather than rows of dictionaries: an empty list still gets its heading row.
        using var table = new DataTable(ListSheet) { Locale = DocumentText.Culture };
        table.Columns.Add(ListColumns[0], typeof(int));
        foreach (var column in ListColumns.Skip(1))
        {
            table.Columns.Add(column, typeof(string));
        }

        for (var i = 0; i < draft.Awardees.Count; i++)
        {
            var a = draft.Awardees[i];
            table.Rows.Add(i + 1, a.Kind == NomineeKind.Collective ? "Tập thể" : "Cá nhân", a.Name, a.Position ?? "", a.Unit, a.Achievement, a.NominationId);
        }

        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns =
            [
                new DynamicExcelColumn(ListColumns[0]) { Width = 6 },
                new DynamicExcelColumn(ListColumns[1]) { Width = 10 },
                new DynamicExcelColumn(ListColumns[2]) { Width = 32 },
                new DynamicExcelColumn(ListColumns[3]) { Width = 24 },
                new DynamicExcelColumn(ListColumns[4]) { Width = 36 },
                new DynamicExcelColumn(ListColumns[5]) { Width = 80 },
                new DynamicExcelColumn(ListColumns[6]) { Width = 16 },
            ],
        };
        output.SaveAs(new Dictionary<string, object> { [ListSheet] = table }, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
    }

    private static Paragraph Article(int number, string text, bool keepWithSignature = false)
    {
        Run[] runs = [Word.Run($"Điều {DocumentText.Number(number)}. ", TextStyle.Body.Bolded), Word.Run(text, TextStyle.Body)];
        // A signature never stands alone on a page: the last article goes over with it.
        return keepWithSignature ? Word.BodyKeptWithNext(runs) : Word.Body(runs);
    }
}
