using Workflow.Domain.Plans;

namespace Workflow.Exports.Tests;

/// <summary>The plan a unit list is read against: its blocks and committee member, no units yet.</summary>
internal static class UnitListPlan
{
    public static Plan WithoutUnits { get; } = new()
    {
        Id = "bac-giang-2025",
        Number = "01/KH-BCĐ",
        IssuedOn = new DateOnly(2025, 3, 11),
        Issuer = "Ban Chỉ đạo tỉnh Bắc Giang",
        Title = "Kế hoạch thử",
        Kind = CycleKind.FinalReview,
        DataPeriod = new DatePeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
        ClosesOn = new DateOnly(2025, 7, 31),
        Blocks = [new Block("district-committee", "Ban Chỉ đạo cấp huyện"), new Block("commune", "Ban Chỉ đạo xã, phường, thị trấn"), new Block("police-department", "Phòng nghiệp vụ Công an tỉnh")],
        Members = [new CommitteeMember("tv-01", "Thành viên 01", "tv01@bacgiang.example")],
        Reminders = new ReminderPolicy { DaysBefore = [3], Chase = new ChasePolicy { EveryDays = 2, MaxCount = 3 }, EscalateAfterChases = 2 },
    };
}
