using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Workflow.Domain.Awards;
using Workflow.Domain.Nominations;

namespace Workflow.Documents;

/// <summary>
/// The list attached to both documents, on a page of its own: its heading, then a ruled table of the awardees,
/// collectives under "I. TẬP THỂ", individuals under "II. CÁ NHÂN", each numbered from 1.
/// </summary>
internal static class AwardeeAnnex
{
    public const int Columns = 5;

    private static readonly int[] Widths = [800, 2100, 1500, 2055, Twips.TextWidth - 800 - 2100 - 1500 - 2055];
    private static readonly string[] Headings = ["STT", "Tên tập thể, cá nhân", "Chức vụ", "Đơn vị", "Thành tích"];

    /// <param name="subject">"Tập thể, cá nhân được tặng Bằng khen …".</param>
    /// <param name="attachedTo">"(Kèm theo Quyết định số …/QĐ-UBND ngày …/…/2024 của …)".</param>
    public static IEnumerable<OpenXmlElement> Elements(AwardDraft draft, string subject, string attachedTo)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var body = TextStyle.Body;
        yield return Word.PageBreak();
        yield return Word.Centered("DANH SÁCH", body.Bolded);
        yield return Word.Centered(subject, body.Bolded);
        yield return Word.Centered(attachedTo, body.Italicized);
        yield return Word.Rule(Twips.TextWidth / 5, Twips.TextWidth, after: 12);
        yield return Table(draft);
    }

    private static Table Table(AwardDraft draft)
    {
        var style = TextStyle.Table;
        var table = Word.Table(Widths, ruled: true);
        // The heading row repeats on every page of a long list.
        var heading = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        heading.Append(Headings.Select((h, i) => Word.Cell(Widths[i], [Word.Centered(h, style.Bolded)], middle: true)));
        table.Append(heading);

        var sections = new[]
        {
            ("I. TẬP THỂ", draft.Awardees.Where(a => a.Kind == NomineeKind.Collective).ToList()),
            ("II. CÁ NHÂN", draft.Awardees.Where(a => a.Kind == NomineeKind.Individual).ToList()),
        };
        foreach (var (title, awardees) in sections.Where(s => s.Item2.Count > 0))
        {
            table.Append(new TableRow(
                new TableRowProperties(new CantSplit()),
                Word.Cell(Widths.Sum(), [Word.Line($"{title} ({DocumentText.Number(awardees.Count)})", style.Bolded, JustificationValues.Left)], span: Columns)));
            for (var i = 0; i < awardees.Count; i++)
            {
                table.Append(Row(i + 1, awardees[i], style));
            }
        }

        return table;
    }

    private static TableRow Row(int number, Awardee awardee, TextStyle style) => new(
        Word.Cell(Widths[0], [Word.Centered(DocumentText.Number(number), style)]),
        Word.Cell(Widths[1], [Word.Line(awardee.Name, style, JustificationValues.Left)]),
        Word.Cell(Widths[2], [Word.Line(awardee.Position ?? "", style, JustificationValues.Left)]),
        Word.Cell(Widths[3], [Word.Line(awardee.Unit, style, JustificationValues.Left)]),
        // Left-aligned: justified, the long decision numbers of a narrow column leave wide gaps between words.
        Word.Cell(Widths[4], [Word.Line(awardee.Achievement, style, JustificationValues.Left)]));
}
