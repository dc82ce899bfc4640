using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Scheduling;
using Workflow.Domain.Serialization;
using Workflow.Domain.Validation;

namespace Workflow.Domain.Tests.Scheduling;

/// <summary>The plan editor's preview: each deadline's last accepted second, and the schedule point by point, also for drafts that do not validate.</summary>
public sealed class PlanPreviewTests
{
    // Minimal(): "bao-cao" before 01/05/2024 for two units; reminders 7, 3, 1 days before at 08:00; three chases every
    // two days, the third escalated.
    private static readonly Plan Plan = PlanBuilder.Minimal();

    [Fact]
    public void Deadlines_name_their_field_and_the_last_second_received()
    {
        var plan = Plan with
        {
            NominationRounds =
            [
                new NominationRound { Id = "giay-khen", AwardLevel = AwardLevel.PoliceDirectorCertificate, Title = "Giấy khen", Deadline = Deadline.By(new DateOnly(2024, 3, 31)) },
                new NominationRound { Id = "bang-khen", AwardLevel = AwardLevel.ProvinceChairCertificate, Title = "Bằng khen", PickedFrom = "giay-khen" },
            ],
            Milestones = [new Milestone { Id = "hoi-nghi", Title = "Hội nghị tổng kết", Deadline = Deadline.WithinMonth(2024, 6) }],
        };

        var deadlines = PlanPreview.Deadlines(plan);

        Assert.Equal(
            [
                new PreviewDeadline("$.deliverables[0].deadline", "bao-cao", "Báo cáo tổng kết", new DateTimeOffset(2024, 4, 30, 16, 59, 59, TimeSpan.Zero), "nhận đến 23:59:59 30/04/2024"),
                new PreviewDeadline("$.nominationRounds[0].deadline", "giay-khen", "Giấy khen", new DateTimeOffset(2024, 3, 31, 16, 59, 59, TimeSpan.Zero), "nhận đến 23:59:59 31/03/2024"),
                new PreviewDeadline("$.milestones[0].deadline", "hoi-nghi", "Hội nghị tổng kết", new DateTimeOffset(2024, 6, 30, 16, 59, 59, TimeSpan.Zero), "đến hết 23:59:59 30/06/2024"),
            ],
            deadlines);
    }

    [Fact]
    public void The_schedule_is_every_point_of_the_cycle_in_order_in_Vietnam_time()
    {
        var preview = PlanPreview.Schedule(Plan);

        Assert.Null(preview.Note);
        Assert.Equal(
            [
                ("2024-04-24", "24/04/2024", "08:00", PreviewPointKind.Reminder, "Nhắc trước hạn 7 ngày"),
                ("2024-04-28", "28/04/2024", "08:00", PreviewPointKind.Reminder, "Nhắc trước hạn 3 ngày"),
                ("2024-04-30", "30/04/2024", "08:00", PreviewPointKind.Reminder, "Nhắc trước hạn 1 ngày"),
                ("2024-05-01", "01/05/2024", "00:00", PreviewPointKind.Deadline, "Hết hạn"),
                ("2024-05-01", "01/05/2024", "08:00", PreviewPointKind.Chase, "Đôn đốc lần 1"),
                ("2024-05-03", "03/05/2024", "08:00", PreviewPointKind.Chase, "Đôn đốc lần 2"),
                ("2024-05-05", "05/05/2024", "08:00", PreviewPointKind.Escalation, "Đôn đốc lần 3, báo cáo thành viên Ban Chỉ đạo phụ trách"),
            ],
            preview.Points.Select(p => (p.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Date, p.Time, p.Kind, p.Text)));
        Assert.All(preview.Points, p => Assert.Equal(("bao-cao", "Báo cáo tổng kết", 2), (p.Subject, p.Title, p.Units)));
        Assert.Equal(new DateTimeOffset(2024, 4, 24, 1, 0, 0, TimeSpan.Zero), preview.Points[0].Instant);
        Assert.Equal(CycleSchedule.Steps(Plan, []).SelectMany(s => s.Points).Count(), preview.Points.Count);
    }

    [Fact]
    public void A_milestone_reminds_the_operators_and_has_no_units()
    {
        var plan = Plan with { Milestones = [new Milestone { Id = "hoi-nghi", Title = "Hội nghị tổng kết", Deadline = Deadline.Before(new DateOnly(2024, 6, 15)) }] };

        var milestone = PlanPreview.Schedule(plan).Points.Where(p => p.Subject == "hoi-nghi").ToList();

        Assert.Equal(
            [
                (PreviewPointKind.MilestoneReminder, "Nhắc mốc công việc trước hạn 7 ngày", "08/06/2024"),
                (PreviewPointKind.MilestoneReminder, "Nhắc mốc công việc trước hạn 3 ngày", "12/06/2024"),
                (PreviewPointKind.MilestoneReminder, "Nhắc mốc công việc trước hạn 1 ngày", "14/06/2024"),
                (PreviewPointKind.Milestone, "Hết hạn mốc công việc", "15/06/2024"),
            ],
            milestone.Select(p => (p.Kind, p.Text, p.Date)));
        Assert.All(milestone, p => Assert.Equal(0, p.Units));
    }

    [Fact]
    public void A_draft_with_errors_still_has_its_schedule()
    {
        // The title missing: invalid, but every deadline names a day.
        var draft = Plan with { Title = "", Milestones = [new Milestone { Id = "hoi-nghi", Title = "Hội nghị", Deadline = Deadline.By(new DateOnly(2024, 6, 14)) }] };

        Assert.NotEmpty(PlanValidator.Validate(draft));
        var preview = PlanPreview.Schedule(draft);
        Assert.Null(preview.Note);
        Assert.Contains(preview.Points, p => p.Kind == PreviewPointKind.Milestone);
    }

    [Fact]
    public void A_deadline_naming_no_day_or_an_unknown_zone_gives_no_schedule_but_a_note_and_the_other_deadlines()
    {
        var malformed = Plan with
        {
            Deliverables =
            [
                Plan.Deliverables[0],
                Plan.Deliverables[0] with { Id = "dang-ky", Deadline = new Deadline { Semantics = DeadlineSemantics.WithinMonth, Month = "2024-5" } },
            ],
        };

        foreach (var plan in new[] { malformed, Plan with { TimeZone = "Asia/Khong_Co" }, Plan with { TimeZone = "America" } })
        {
            var preview = PlanPreview.Schedule(plan);

            Assert.Empty(preview.Points);
            Assert.Equal("Sửa các lỗi về thời hạn để xem lịch.", preview.Note);
        }

        Assert.Equal(["$.deliverables[0].deadline"], PlanPreview.Deadlines(malformed).Select(d => d.Field));
    }

    [Fact]
    public void A_huge_chase_count_is_cut_to_the_chases_before_the_close_and_gives_the_same_schedule()
    {
        // Closes 31/07/2024: chases every two days from 01/05 reach 46 before the close.
        var huge = Plan with { Reminders = Plan.Reminders with { Chase = new ChasePolicy { EveryDays = 2, MaxCount = int.MaxValue } } };
        var enough = Plan with { Reminders = Plan.Reminders with { Chase = new ChasePolicy { EveryDays = 2, MaxCount = 46 } } };

        var preview = PlanPreview.Schedule(huge);

        Assert.Null(preview.Note);
        Assert.Equal(46, preview.Points.Count(p => p.Kind is PreviewPointKind.Chase or PreviewPointKind.Escalation));
        Assert.Equal(PlanPreview.Schedule(enough).Points, preview.Points);
    }

    [Fact]
    public void A_schedule_of_too_many_points_is_not_built()
    {
        var plan = Plan with
        {
            IssuedOn = new DateOnly(2000, 1, 1),
            ClosesOn = new DateOnly(2099, 12, 31),
            Reminders = Plan.Reminders with { Chase = new ChasePolicy { EveryDays = 1, MaxCount = int.MaxValue } },
        };

        var preview = PlanPreview.Schedule(plan);

        Assert.Empty(preview.Points);
        Assert.StartsWith("Lịch có quá nhiều mốc để xem trước", preview.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Bac_Giang_sample_previews_every_deadline_and_point()
    {
        var plan = PlanJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2024-chi-thi-07.plan.json"))).Plan!;

        var deadlines = PlanPreview.Deadlines(plan);
        var preview = PlanPreview.Schedule(plan);

        Assert.Equal(
            [
                ("$.deliverables[0].deadline", "nhận đến 23:59:59 30/04/2024"),
                ("$.deliverables[1].deadline", "nhận đến 23:59:59 31/05/2024"),
                ("$.nominationRounds[0].deadline", "nhận đến 23:59:59 31/03/2024"),
                ("$.milestones[0].deadline", "đến hết 23:59:59 30/06/2024"),
            ],
            deadlines.Select(d => (d.Field, d.Text)));
        Assert.Null(preview.Note);
        Assert.Equal(CycleSchedule.Steps(plan, []).SelectMany(s => s.Points).Count(), preview.Points.Count);
        Assert.Equal(preview.Points.OrderBy(p => p.Instant).Select(p => p.Instant), preview.Points.Select(p => p.Instant));
        Assert.Contains(preview.Points, p => p.Kind == PreviewPointKind.MilestoneReminder);
    }
}
