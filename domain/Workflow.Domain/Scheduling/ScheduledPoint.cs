namespace Workflow.Domain.Scheduling;

/// <summary>
/// One instant of a cycle at which something happens for a deliverable or a nomination round.
/// <see cref="Key"/> is stable for the same plan and deadline ("report:reminder:7:20240424T0100Z"), so it can key e-mails.
/// </summary>
public sealed record ScheduledPoint(
    DateTimeOffset Instant,
    ScheduledPointKind Kind,
    string Subject,
    int Sequence)
{
    public string Key => Kind switch
    {
        ScheduledPointKind.Reminder => $"{Subject}:reminder:{Sequence}:{Stamp}",
        ScheduledPointKind.Deadline => $"{Subject}:deadline:{Stamp}",
        _ => $"{Subject}:chase:{Sequence}:{Stamp}",
    };

    // The instant is part of the key: after an extension, "7 days before" is a new point and gets its own e-mail.
    private string Stamp => Instant.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Vietnamese description for operators, e.g. "Nhắc trước hạn 7 ngày".</summary>
    public string Describe() => Kind switch
    {
        ScheduledPointKind.Reminder => $"Nhắc trước hạn {Sequence} ngày",
        ScheduledPointKind.Deadline => "Hết hạn",
        ScheduledPointKind.Chase => $"Đôn đốc lần {Sequence}",
        _ => $"Đôn đốc lần {Sequence}, báo cáo thành viên Ban Chỉ đạo phụ trách",
    };
}
