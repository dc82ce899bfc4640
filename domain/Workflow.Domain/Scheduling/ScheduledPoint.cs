namespace Workflow.Domain.Scheduling;

/// <summary>
/// One instant of a cycle at which something happens for a deliverable or a nomination round.
/// <see cref="Key"/> is stable for the same plan ("report:reminder:7", "report:chase:2"), so it can key e-mails.
/// </summary>
public sealed record ScheduledPoint(
    DateTimeOffset Instant,
    ScheduledPointKind Kind,
    string Subject,
    int Sequence)
{
    public string Key => Kind switch
    {
        ScheduledPointKind.Reminder => $"{Subject}:reminder:{Sequence}",
        ScheduledPointKind.Deadline => $"{Subject}:deadline",
        _ => $"{Subject}:chase:{Sequence}",
    };

    /// <summary>Vietnamese description for operators, e.g. "Nhắc trước hạn 7 ngày".</summary>
    public string Describe() => Kind switch
    {
        ScheduledPointKind.Reminder => $"Nhắc trước hạn {Sequence} ngày",
        ScheduledPointKind.Deadline => "Hết hạn",
        ScheduledPointKind.Chase => $"Đôn đốc lần {Sequence}",
        _ => $"Đôn đốc lần {Sequence}, báo cáo thành viên Ban Chỉ đạo phụ trách",
    };
}
