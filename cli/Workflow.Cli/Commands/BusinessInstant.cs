using System.Globalization;
using Workflow.Domain.Time;

namespace Workflow.Cli.Commands;

/// <summary>
/// An instant of a cycle's business time as an operator writes it: <c>dd/MM/yyyy</c> or <c>dd/MM/yyyy HH:mm</c>, in
/// Vietnam time. A day without a time means 08:00, the start of the working day (as the host's default for a rehearsal).
/// </summary>
internal static class BusinessInstant
{
    public const string Format = "dd/MM/yyyy hoặc \"dd/MM/yyyy HH:mm\", giờ Việt Nam";

    public static readonly TimeOnly DayStart = new(8, 0);

    private static readonly string[] DayFormats = ["d/M/yyyy"];
    private static readonly string[] DayTimeFormats = ["d/M/yyyy H:mm", "d/M/yyyy'T'H:mm"];

    public static DateTimeOffset? Parse(string value)
    {
        var text = string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (DateTime.TryParseExact(text, DayTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return VietnamTime.At(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), VietnamTime.Zone);
        }

        return DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? VietnamTime.At(day, DayStart, VietnamTime.Zone)
            : null;
    }

    /// <summary>A stray "HH:mm" argument: the time of an unquoted "dd/MM/yyyy HH:mm", split off by the shell.</summary>
    public static bool IsStrayTime(string argument) =>
        TimeOnly.TryParseExact(argument, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>What to say when the time of an instant was split off from its day.</summary>
    public static string Unquoted(string option) =>
        $"Thời điểm có cả giờ cần đặt trong dấu ngoặc kép, ví dụ {option} \"11/03/2024 08:00\".";

    /// <summary>The message for a value that is not an instant, naming the option it was given to.</summary>
    public static string Invalid(string option, string value) =>
        $"Thời điểm {option} không hợp lệ: «{value}» (cần dạng {Format}, ví dụ \"11/03/2024 08:00\").";
}
