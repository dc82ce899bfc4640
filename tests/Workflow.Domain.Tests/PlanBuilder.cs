using Workflow.Domain.Plans;

namespace Workflow.Domain.Tests;

/// <summary>A small valid plan for tests to vary with `with` expressions.</summary>
internal static class PlanBuilder
{
    public static Plan Minimal() => new()
    {
        Id = "thu-nghiem",
        Number = "01/KH-BCĐ",
        IssuedOn = new DateOnly(2024, 3, 11),
        Issuer = "Ban Chỉ đạo tỉnh",
        Title = "Kế hoạch thử nghiệm",
        Kind = CycleKind.FinalReview,
        DataPeriod = new DatePeriod(new DateOnly(2014, 8, 15), new DateOnly(2024, 6, 15)),
        ClosesOn = new DateOnly(2024, 7, 31),
        Blocks = [new Block("district-committee", "Ban Chỉ đạo cấp huyện")],
        Members = [new CommitteeMember("tv-01", "Thành viên 01", "tv01@bacgiang.example")],
        Units =
        [
            new Unit { Id = "bcd-yen-the", Name = "Ban Chỉ đạo huyện Yên Thế", Block = "district-committee", Emails = ["bcd@yenthe.bacgiang.example"], Supervisor = "tv-01" },
            new Unit { Id = "bcd-tan-yen", Name = "Ban Chỉ đạo huyện Tân Yên", Block = "district-committee", Emails = ["bcd@tanyen.bacgiang.example"], Supervisor = "tv-01" },
        ],
        Deliverables =
        [
            new Deliverable
            {
                Id = "bao-cao",
                Kind = DeliverableKind.Report,
                Title = "Báo cáo tổng kết",
                AppliesTo = new UnitScope { Blocks = ["district-committee"] },
                Deadline = Deadline.Before(new DateOnly(2024, 5, 1)),
            },
        ],
        Reminders = new ReminderPolicy { DaysBefore = [7, 3, 1], Chase = new ChasePolicy { EveryDays = 2, MaxCount = 3 }, EscalateAfterChases = 2 },
    };
}
