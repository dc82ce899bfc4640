using System.Globalization;
using Workflow.Domain.Time;

namespace Workflow.Cli.Rendering;

internal static class Text
{
    /// <summary>Pads or cuts to exactly <paramref name="width"/> characters, marking a cut with an ellipsis.</summary>
    public static string Fit(string? value, int width)
    {
        value ??= "";
        return value.Length <= width ? value.PadRight(width) : value[..(width - 1)] + "…";
    }

    /// <summary>dd/MM/yyyy HH:mm in Vietnam time.</summary>
    public static string Instant(DateTimeOffset instant) =>
        VietnamTime.ToLocal(instant, VietnamTime.Zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The next deadline as a date: the API gives the cutoff (the first late instant), so the last accepted minute is
    /// shown, with the plan's wording ("trong tháng 05/2024") beside it.
    /// </summary>
    public static string Deadline(DateTimeOffset? cutoff, string? wording)
    {
        if (cutoff is not { } at)
        {
            return wording ?? "không còn hạn nào";
        }

        var date = Instant(at.AddMilliseconds(-1));
        return string.IsNullOrWhiteSpace(wording) || wording == date ? date : $"{date} ({wording})";
    }

    /// <summary>Share of <paramref name="part"/> in <paramref name="total"/> as a whole percentage.</summary>
    public static string Percent(int part, int total) =>
        total == 0 ? "0%" : ((int)Math.Round(100.0 * part / total, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + "%";
}
