namespace Workflow.Documents;

/// <summary>Lengths of the page in twentieths of a point, the unit Word's page and table measures use.</summary>
internal static class Twips
{
    public const int PerCentimetre = 567;

    /// <summary>A4.</summary>
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;

    /// <summary>Decree 30/2020/NĐ-CP, Appendix I: top and bottom 20 mm, left 30 mm, right 15 mm.</summary>
    public const int MarginTop = 1134;
    public const int MarginBottom = 1134;
    public const int MarginLeft = 1701;
    public const int MarginRight = 850;

    /// <summary>What lies between the margins: 165 mm.</summary>
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>First-line indent of body paragraphs (Decree 30: 1–1.27 cm).</summary>
    public const int FirstLine = PerCentimetre;

    public static string Of(int twips) => twips.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
