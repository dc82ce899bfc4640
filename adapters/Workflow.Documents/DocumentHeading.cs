using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Workflow.Domain.Awards;

namespace Workflow.Documents;

/// <summary>
/// The top of an administrative document (Decree 30/2020/NĐ-CP, Appendix I): organ and number on the left, quốc hiệu,
/// tiêu ngữ and the place-and-date line on the right, then the document's kind and its trích yếu.
/// </summary>
internal static class DocumentHeading
{
    public const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    private const int Left = 3600;
    private const int Right = Twips.TextWidth - Left;

    // Lengths of the rules, measured on Times New Roman 13 pt bold: the motto's own length, a third of the organ's line.
    private const int MottoLength = 3170;
    private const int OrganRuleLength = 1300;

    /// <summary>A borderless two-column table: the organ and its number beside the quốc hiệu and the date.</summary>
    public static Table Table(DocumentHeader header, string place, DateOnly date)
    {
        var regular = TextStyle.Table;
        var organ = new List<OpenXmlElement>();
        if (header.ParentOrgan is { } parent)
        {
            organ.Add(Word.Centered(OrganName.Upper(parent), regular));
        }

        organ.AddRange(OrganLines(OrganName.Upper(header.Organ)).Select(line => Word.Centered(line, regular.Bolded)));
        organ.Add(Word.Rule(OrganRuleLength, Left));

        var nation = new List<OpenXmlElement>
        {
            Word.Centered(NationalTitle, regular.Bolded),
            Word.Centered(Motto, regular.Bolded),
            Word.Rule(MottoLength, Right),
        };

        var table = Word.Table([Left, Right], ruled: false);
        table.Append(
            new TableRow(Word.Cell(Left, organ), Word.Cell(Right, nation)),
            new TableRow(
                Word.Cell(Left, [Word.Centered(DocumentText.NumberLine(header), regular, before: 6)]),
                Word.Cell(Right, [Word.Centered(DocumentText.PlaceAndDate(place, date), regular.Italicized, before: 6)])));
        return table;
    }

    /// <summary>
    /// "ỦY BAN NHÂN DÂN" on a line of its own above "TỈNH BẮC GIANG", as Appendix I's examples set a people's committee;
    /// left to wrap, the column would break after "TỈNH".
    /// </summary>
    public static IReadOnlyList<string> OrganLines(string organ)
    {
        const string Committee = "ỦY BAN NHÂN DÂN ";
        return organ.StartsWith(Committee, StringComparison.Ordinal) && organ.Length > Committee.Length
            ? [Committee.TrimEnd(), organ[Committee.Length..]]
            : [organ];
    }

    /// <summary>"QUYẾT ĐỊNH", its trích yếu, and the short rule under them.</summary>
    public static IEnumerable<OpenXmlElement> Title(string kind, string summary)
    {
        var bold = TextStyle.Body.Bolded;
        yield return Word.Centered(kind, bold, before: 18);
        yield return Word.Centered(summary, bold);
        yield return Word.Rule(Twips.TextWidth / 5, Twips.TextWidth, after: 6);
    }
}
