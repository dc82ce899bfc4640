using System.Globalization;

namespace Workflow.Cli.Rendering;

/// <summary>A text progress bar: one character per share of the units, by state, always exactly <c>width</c> long.</summary>
internal static class ProgressBar
{
    public const char OnTime = '█';
    public const char Late = '▓';
    public const char Missing = '░';
    public const char Pending = '·';

    /// <summary>An optional deliverable not handed in: apart from the missing ones.</summary>
    public const char NotRequired = '-';

    public const string Legend = "█ đúng hạn   ▓ muộn   ░ quá hạn chưa nộp   · chưa nộp (còn hạn)   - không bắt buộc, không nộp";

    public static string Render(int onTime, int late, int missing, int pending, int width = 30, int notRequired = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        int[] counts = [Math.Max(0, onTime), Math.Max(0, late), Math.Max(0, missing), Math.Max(0, pending), Math.Max(0, notRequired)];
        var total = counts.Sum();
        if (total == 0)
        {
            return new string(Pending, width);
        }

        // Largest remainder, so the segments always add up to the width; the counts beside the bar give the exact figures.
        var cells = counts.Select(c => c * width / total).ToArray();
        var order = Enumerable.Range(0, counts.Length)
            .OrderByDescending(i => (long)counts[i] * width % total)
            .ThenBy(i => i);
        foreach (var i in order.Take(width - cells.Sum()))
        {
            cells[i]++;
        }

        char[] glyphs = [OnTime, Late, Missing, Pending, NotRequired];
        return string.Concat(cells.Select((n, i) => new string(glyphs[i], n)));
    }

    /// <summary>Share of <paramref name="part"/> in <paramref name="total"/> as a whole percentage.</summary>
    public static string Percent(int part, int total) =>
        total == 0 ? "0%" : ((int)Math.Round(100.0 * part / total, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + "%";
}
