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

    public static DateTimeOffset? Utc(DateTimeOffset? instant) => instant?.ToUniversalTime();
}
