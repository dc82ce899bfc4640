using System.Globalization;

namespace Workflow.Domain.Time;

/// <summary>
/// The last accepted second of a deadline as people read it, in the plan's zone: "nhận đến 23:59:59 30/04/2024" for
/// what units hand in, "đến hết 23:59:59 14/08/2024" for the operators' own milestones. Null where
/// <see cref="DeadlineEvaluator.LastAcceptedSecond"/> has no instant.
/// </summary>
public static class DeadlineText
{
    /// <summary>A deliverable's or a round's deadline: until when files are received on time.</summary>
    public static string? Receiving(Deadline deadline, TimeZoneInfo zone) => Format("nhận đến", deadline, zone);

    /// <summary>A milestone's deadline: nothing is received, it is a date the operators keep.</summary>
    public static string? Until(Deadline deadline, TimeZoneInfo zone) => Format("đến hết", deadline, zone);

    private static string? Format(string lead, Deadline deadline, TimeZoneInfo zone) =>
        new DeadlineEvaluator(zone).LastAcceptedSecond(deadline) is { } last
            ? $"{lead} {VietnamTime.ToLocal(last, zone).ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture)}"
            : null;
}
