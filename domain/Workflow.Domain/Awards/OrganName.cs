using System.Globalization;

namespace Workflow.Domain.Awards;

/// <summary>
/// Organ names as the headers print them (upper case) and as the body cites them ("Công an tỉnh Bắc Giang").
/// </summary>
public static class OrganName
{
    public static CultureInfo Vietnamese { get; } = CultureInfo.GetCultureInfo("vi-VN");

    // Lower-casing a header loses the capitals of proper names; these come back by their known spelling.
    private static readonly string[] ProperNames =
    [
        "Bộ Công an", "Công an tỉnh", "Phòng Tham mưu", "Ủy ban nhân dân", "Ban Chỉ đạo", "Hội đồng Thi đua - Khen thưởng",
        "ANTQ", "ANTT", "UBND", "HĐND", "MTTQ", "BCĐ", "TĐKT",
    ];

    public static string Upper(string text) => text.ToUpper(Vietnamese);

    /// <summary>"CÔNG AN TỈNH BẮC GIANG" with place "Bắc Giang" gives "Công an tỉnh Bắc Giang".</summary>
    public static string SentenceCase(string organ, string place)
    {
        ArgumentNullException.ThrowIfNull(organ);
        ArgumentNullException.ThrowIfNull(place);
        var text = organ.ToLower(Vietnamese);
        foreach (var name in ProperNames.Append(place).Where(n => n.Length > 0))
        {
            text = ReplaceWords(text, name);
        }

        return text.Length == 0 ? text : char.ToUpper(text[0], Vietnamese) + text[1..];
    }

    // Whole words only, so that the acronym "ANTT" does not turn "antt" inside another word upper case.
    private static string ReplaceWords(string text, string name)
    {
        var lower = name.ToLower(Vietnamese);
        var start = 0;
        while ((start = text.IndexOf(lower, start, StringComparison.Ordinal)) >= 0)
        {
            var end = start + lower.Length;
            var before = start == 0 || !char.IsLetterOrDigit(text[start - 1]);
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                text = string.Concat(text.AsSpan(0, start), name, text.AsSpan(end));
            }

            start = end;
        }

        return text;
    }
}
