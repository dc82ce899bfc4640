using System.Globalization;
using System.Text;

namespace Workflow.Domain.Nominations;

/// <summary>
/// The stable key of a collective or a person, under which their achievement records outlive a cycle: a person by
/// their số định danh cá nhân when given, otherwise (and every collective) by unit and name, spelled without
/// diacritics or case so that "Công an xã  Đồng Lạc" and "công an xã Đồng Lạc" are one nominee.
/// </summary>
public static class NomineeIdentity
{
    public static string Of(NomineeKind kind, string nomineeUnit, string name, string? personalId)
    {
        if (kind == NomineeKind.Individual && !string.IsNullOrWhiteSpace(personalId))
        {
            return $"ca-nhan.{personalId.Trim()}";
        }

        return $"{(kind == NomineeKind.Collective ? "tap-the" : "ca-nhan")}.{nomineeUnit}.{Slug(name)}";
    }

    /// <summary>True for a 12-digit số định danh cá nhân.</summary>
    public static bool IsPersonalId(string? value) => value is { Length: 12 } && value.All(char.IsAsciiDigit);

    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
