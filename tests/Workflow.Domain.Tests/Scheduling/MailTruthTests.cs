using Workflow.Domain.Scheduling;

namespace Workflow.Domain.Tests.Scheduling;

public sealed class MailTruthTests
{
    // "Trước ngày 01/5/2024" and a cycle that closes after 31/07/2024.
    private static readonly DateTimeOffset Cutoff = new(2024, 5, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset ClosesAt = new(2024, 8, 1, 0, 0, 0, TimeSpan.FromHours(7));

    public static TheoryData<ScheduledPointKind, DateTimeOffset, bool> Cases => new()
    {
        { ScheduledPointKind.Reminder, Cutoff.AddMilliseconds(-1), true },
        { ScheduledPointKind.Reminder, Cutoff, false },
        { ScheduledPointKind.Reminder, ClosesAt, false },
        { ScheduledPointKind.Chase, Cutoff.AddMilliseconds(-1), false },
        { ScheduledPointKind.Chase, Cutoff, true },
        { ScheduledPointKind.Chase, ClosesAt.AddMilliseconds(-1), true },
        { ScheduledPointKind.Chase, ClosesAt, false },
        { ScheduledPointKind.Escalation, Cutoff.AddMilliseconds(-1), false },
        { ScheduledPointKind.Escalation, Cutoff, true },
        { ScheduledPointKind.Escalation, ClosesAt.AddMilliseconds(-1), true },
        { ScheduledPointKind.Escalation, ClosesAt, false },
        { ScheduledPointKind.Deadline, Cutoff.AddMilliseconds(-1), false },
        { ScheduledPointKind.Deadline, Cutoff, false },
        { ScheduledPointKind.Deadline, ClosesAt.AddMilliseconds(-1), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsTrue_OnlyWhileWhatTheMailSaysHolds(ScheduledPointKind kind, DateTimeOffset now, bool expected) =>
        Assert.Equal(expected, MailTruth.IsTrue(kind, Cutoff, ClosesAt, now));

    [Fact]
    public void IsTrue_ComparesInstants_NotOffsets()
    {
        // 16:59:59.999 UTC on 30/04 is still before midnight of 01/05 in Vietnam.
        Assert.True(MailTruth.IsTrue(ScheduledPointKind.Reminder, Cutoff, ClosesAt, new DateTimeOffset(2024, 4, 30, 16, 59, 59, 999, TimeSpan.Zero)));
        Assert.True(MailTruth.IsTrue(ScheduledPointKind.Chase, Cutoff, ClosesAt, new DateTimeOffset(2024, 4, 30, 17, 0, 0, TimeSpan.Zero)));
    }
}
