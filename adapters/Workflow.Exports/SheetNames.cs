namespace Workflow.Exports;

/// <summary>
/// Excel refuses a workbook whose sheet names are longer than 31 characters, hold any of <c>: \ / ? * [ ]</c>, start or
/// end with an apostrophe, or repeat another's name ignoring case. Names come from the plan (a table's label), so they
/// are cleaned and made unique here rather than trusted.
/// </summary>
public static class SheetNames
{
    public const int MaxLength = 31;

    private static readonly char[] Forbidden = [':', '\\', '/', '?', '*', '[', ']'];

    public static IReadOnlyList<ExportTable> MakeUnique(IReadOnlyList<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<ExportTable>(tables.Count);
        foreach (var table in tables)
        {
            var name = Clean(table.SheetName);
            for (var n = 2; !used.Add(name); n++)
            {
                var suffix = $" ({n})";
                name = Cut(Clean(table.SheetName), MaxLength - suffix.Length) + suffix;
            }

            result.Add(table with { SheetName = name });
        }

        return result;
    }

    /// <summary>The name with forbidden and control characters replaced, apostrophes trimmed from the ends, at most 31 characters.</summary>
    public static string Clean(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var cleaned = new string([.. name.Select(c => Forbidden.Contains(c) || char.IsControl(c) ? '-' : c)]).Trim().Trim('\'').Trim();
        cleaned = Cut(cleaned, MaxLength).TrimEnd().TrimEnd('\'');
        return cleaned.Length == 0 ? "Bảng" : cleaned;
    }

    // Never split a surrogate pair: a half character is not valid XML.
    private static string Cut(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
