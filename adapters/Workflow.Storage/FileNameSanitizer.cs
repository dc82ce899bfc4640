using System.Globalization;
using System.Text;

namespace Workflow.Storage;

/// <summary>
/// Turns a client-supplied file name into something safe to store and show: no directories, no control or
/// bidirectional-override characters, no characters Windows refuses, a bounded length. Vietnamese letters stay.
/// </summary>
public static class FileNameSanitizer
{
    public const int MaxLength = 120;

    private const string Reserved = "<>:\"/\\|?*";

    /// <summary>The sanitised name, or null when nothing usable is left.</summary>
    public static string? Sanitize(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        // Both separators count: a Windows client sends "C:\...\file.pdf" and a hostile one "../../x".
        var lastSeparator = fileName.LastIndexOfAny(['/', '\\']);
        var name = fileName[(lastSeparator + 1)..].Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            builder.Append(Reserved.Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        var cleaned = builder.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length == 0)
        {
            return null;
        }

        return cleaned.Length <= MaxLength ? cleaned : Shorten(cleaned);
    }

    /// <summary>Keeps the extension when cutting, so the file still opens with the right program.</summary>
    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = "";
        }

        var stem = name[..^extension.Length];
        var keep = MaxLength - extension.Length;
        // Do not cut a surrogate pair in half.
        if (char.IsHighSurrogate(stem[keep - 1]))
        {
            keep--;
        }

        return stem[..keep].TrimEnd() + extension;
    }
}
