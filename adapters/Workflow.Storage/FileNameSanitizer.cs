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

    /// <summary>The longest name a unit may send: what every file system and browser keeps.</summary>
    public const int MaxOriginalLength = 255;

    private const string Reserved = "<>:\"/\\|?*";

    /// <summary>
    /// Why a name a unit sent is refused outright, or null. Browsers send a name of at most 255 characters without
    /// control characters or "..": anything else was forged, so it is refused plainly instead of being quietly
    /// cleaned into a name the unit never chose.
    /// </summary>
    public static string? Refusal(string? fileName)
    {
        if (fileName is null)
        {
            return null;
        }

        if (fileName.Length > MaxOriginalLength)
        {
            // The name itself is never quoted; vi-VN groups thousands with dots.
            return $"tên tệp dài {fileName.Length.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} ký tự, vượt quá {MaxOriginalLength} ký tự.";
        }

        // "%00" is how a NUL reaches a name through a client that percent-encodes it.
        if (fileName.Any(char.IsControl) || fileName.Contains("%00", StringComparison.Ordinal))
        {
            return "tên tệp chứa ký tự điều khiển; đổi tên tệp rồi gửi lại.";
        }

        // An old Windows browser sends "C:\\Users\\...\\file.pdf", which is kept as its last part; only climbing up is forged.
        if (fileName.Split('/', '\\').Any(segment => segment.Trim() == ".."))
        {
            return "tên tệp chứa đường dẫn «..» lên thư mục trên; chỉ gửi tên tệp.";
        }

        return null;
    }

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
