using System.Globalization;

namespace Workflow.Domain.Time;

/// <summary>Vietnam's civil time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) and how dates are shown.</summary>
public static class VietnamTime
{
    public const string ZoneId = "Asia/Ho_Chi_Minh";

    public static TimeZoneInfo Zone { get; } = Resolve(ZoneId)!;

    /// <summary>
    /// The zone for an id, or null when it names none; Vietnam's zone falls back to a fixed UTC+7 where tzdata is missing.
    /// On Linux an id is a path under the tzdata folder, so a plan's id can name a folder ("America": a security
    /// exception) or a file that is not a zone ("leapseconds": an invalid zone): those name no zone either.
    /// </summary>
    public static TimeZoneInfo? Resolve(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == ZoneId)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(7), ZoneId, ZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException)
        {
            return null;
        }
    }

    /// <summary>The zone for an id, Vietnam's when the id is unknown (plans with unknown zones are refused earlier).</summary>
    public static TimeZoneInfo ZoneOf(string id) => Resolve(id) ?? Zone;

    /// <summary>The UTC instant at which a local calendar day starts in the given zone.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) => At(day, TimeOnly.MinValue, zone);

    /// <summary>
    /// The UTC instant of a local date and time of day in the given zone. Days at the very ends of the calendar
    /// (0001-01-01 east of UTC) have no UTC instant: they clamp to the first or last one instead of throwing.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        var utcTicks = local.Ticks - zone.GetUtcOffset(local).Ticks;
        return utcTicks < DateTimeOffset.MinValue.Ticks ? DateTimeOffset.MinValue
            : utcTicks > DateTimeOffset.MaxValue.Ticks ? DateTimeOffset.MaxValue
            : new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }

    /// <summary>A day moved by whole days, or null when that falls off the calendar.</summary>
    public static DateOnly? AddDays(DateOnly day, int days) =>
        (long)day.DayNumber + days is var n && n >= DateOnly.MinValue.DayNumber && n <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)n) : null;

    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(instant, zone).DateTime);

    /// <summary>dd/MM/yyyy, the way dates are shown to people.</summary>
    public static string FormatDate(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) => FormatDate(LocalDay(instant, Zone));

    /// <summary>HH:mm:ss dd/MM/yyyy in Vietnam time, for receipts and rejection notices.</summary>
    public static string FormatDateTime(DateTimeOffset instant, bool milliseconds = false) =>
        ToLocal(instant, Zone).ToString(milliseconds ? "HH:mm:ss.fff dd/MM/yyyy" : "HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture);
}
