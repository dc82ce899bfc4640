using System.Globalization;

namespace Workflow.Api.Http;

/// <summary>Instants as people read them: Vietnam time, dd/MM/yyyy HH:mm (with seconds for arrivals, where a second decides lateness).</summary>
public static class ApiText
{
    public static string? DateTime(DateTimeOffset? instant) =>
        instant is { } at ? VietnamTime.ToLocal(at, VietnamTime.Zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : null;

    public static string? Arrival(DateTimeOffset? instant) =>
        instant is { } at ? VietnamTime.ToLocal(at, VietnamTime.Zone).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : null;

    /// <summary>The last on-time instant of a deadline, e.g. "31/03/2024 23:59".</summary>
    public static string LastAccepted(Deadline deadline, string timeZone) =>
        DateTime(new DeadlineEvaluator(VietnamTime.Resolve(timeZone) ?? VietnamTime.Zone).LastAcceptedInstant(deadline))!;

    /// <summary>Vietnamese number format: 175.000.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A span as an official reads it: "2 ngày 1 giờ", "3 giờ 20 phút", "45 giây".</summary>
    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days} ngày");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours} giờ");
        }

        if (span.Days == 0 && span.Minutes > 0)
        {
            parts.Add($"{span.Minutes} phút");
        }

        if (parts.Count == 0)
        {
            parts.Add($"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))} giây");
        }

        return string.Join(" ", parts);
    }

    public static DateTimeOffset? Utc(DateTimeOffset? instant) => instant?.ToUniversalTime();
}
