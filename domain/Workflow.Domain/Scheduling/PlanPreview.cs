using System.Globalization;

namespace Workflow.Domain.Scheduling;

/// <summary>
/// What a plan editor shows while the operator drafts: each deadline's last accepted second, and the cycle's schedule as
/// <see cref="CycleSchedule.Steps"/> would run it, point by point. A draft is usually invalid, so nothing here assumes
/// the plan passed <see cref="PlanValidator"/>: a schedule that cannot be computed is left out with a note.
/// </summary>
public static class PlanPreview
{
    /// <summary>More points than a person reads; also what keeps an absurd chase count from costing the server.</summary>
    public const int MaxPoints = 5000;

    public const string FixDeadlinesNote = "Sửa các lỗi về thời hạn để xem lịch.";

    public static string TooManyPointsNote(long points) =>
        $"Lịch có quá nhiều mốc để xem trước (khoảng {points.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))}, tối đa {MaxPoints.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))}); "
        + "kiểm tra số lần đôn đốc, các mốc nhắc và thời gian của kế hoạch.";

    /// <summary>Every well-formed deadline: deliverables, programme periods' deliverables, dated rounds, milestones.</summary>
    public static IReadOnlyList<PreviewDeadline> Deadlines(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var zone = plan.Zone();
        var evaluator = new DeadlineEvaluator(zone);
        var rows = new List<PreviewDeadline>();
        void Add(string field, string subject, string title, Deadline deadline, bool milestone)
        {
            if (evaluator.LastAcceptedSecond(deadline) is { } last)
            {
                var text = milestone ? DeadlineText.Until(deadline, zone) : DeadlineText.Receiving(deadline, zone);
                rows.Add(new PreviewDeadline(field, subject, title, last, text!));
            }
        }

        for (var i = 0; i < plan.Deliverables.Count; i++)
        {
            var deliverable = plan.Deliverables[i];
            Add($"$.deliverables[{i}].deadline", deliverable.Id, deliverable.Title, deliverable.Deadline, milestone: false);
        }

        for (var p = 0; p < plan.Periods.Count; p++)
        {
            for (var i = 0; i < plan.Periods[p].Deliverables.Count; i++)
            {
                var deliverable = plan.Periods[p].Deliverables[i];
                Add($"$.periods[{p}].deliverables[{i}].deadline", deliverable.Id, deliverable.Title, deliverable.Deadline, milestone: false);
            }
        }

        for (var i = 0; i < plan.NominationRounds.Count; i++)
        {
            if (plan.NominationRounds[i] is { Deadline: { } deadline } round)
            {
                Add($"$.nominationRounds[{i}].deadline", round.Id, round.Title, deadline, milestone: false);
            }
        }

        for (var i = 0; i < plan.Milestones.Count; i++)
        {
            var milestone = plan.Milestones[i];
            Add($"$.milestones[{i}].deadline", milestone.Id, milestone.Title, milestone.Deadline, milestone: true);
        }

        return rows;
    }

    /// <summary>
    /// Every point of the cycle's schedule in order (as <see cref="CycleSchedule.Steps"/> with no extensions), or none
    /// with a note when it cannot be computed: a deadline the schedule reads names no day (it would throw), the time zone
    /// is unknown (it would silently be Vietnam's), or there would be more than <see cref="MaxPoints"/> points.
    /// </summary>
    public static SchedulePreview Schedule(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var deadlines = plan.Subjects().Select(s => s.Deadline).Concat(plan.Milestones.Select(m => m.Deadline)).ToList();
        if (VietnamTime.Resolve(plan.TimeZone) is not { } zone || !deadlines.All(d => d.IsWellFormed))
        {
            return new SchedulePreview([], FixDeadlinesNote);
        }

        var (bounded, points) = Bounded(plan, deadlines);
        if (points > MaxPoints)
        {
            return new SchedulePreview([], TooManyPointsNote(points));
        }

        var rows = new List<PreviewPoint>();
        foreach (var step in CycleSchedule.Steps(bounded, []))
        {
            var local = VietnamTime.ToLocal(step.Instant, zone);
            foreach (var (point, group) in step.Points)
            {
                rows.Add(new PreviewPoint(
                    step.Instant,
                    DateOnly.FromDateTime(local.DateTime),
                    local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    local.ToString("HH:mm", CultureInfo.InvariantCulture),
                    KindOf(point, group),
                    group.Subject,
                    plan.SubjectTitle(group.Subject) ?? group.Subject,
                    !group.IsMilestone ? point.Describe()
                        : point.Kind == ScheduledPointKind.Reminder ? $"Nhắc mốc công việc trước hạn {point.Sequence} ngày"
                        : "Hết hạn mốc công việc",
                    group.Units.Count));
            }
        }

        return new SchedulePreview(rows, null);
    }

    private static PreviewPointKind KindOf(ScheduledPoint point, DeadlineGroup group) => (group.IsMilestone, point.Kind) switch
    {
        (true, ScheduledPointKind.Reminder) => PreviewPointKind.MilestoneReminder,
        (true, _) => PreviewPointKind.Milestone,
        (_, ScheduledPointKind.Reminder) => PreviewPointKind.Reminder,
        (_, ScheduledPointKind.Deadline) => PreviewPointKind.Deadline,
        (_, ScheduledPointKind.Chase) => PreviewPointKind.Chase,
        _ => PreviewPointKind.Escalation,
    };

    /// <summary>
    /// The plan with its chase count cut to the chases that can fall before it closes (the schedule drops the others, but
    /// would make them first: a count of two billion would run until the calendar ends), and at most how many points
    /// its groups make, counted before anything is built.
    /// </summary>
    private static (Plan Plan, long Points) Bounded(Plan plan, IReadOnlyList<Deadline> deadlines)
    {
        var firstLateDays = deadlines.Select(d => d.FirstLateDay).OfType<DateOnly>().ToList();
        if (firstLateDays.Count == 0)
        {
            return (plan, 0);
        }

        var policy = plan.Reminders;
        // The earliest deadline is chased the longest before the plan closes.
        var reach = Math.Max(0L, (long)plan.ClosesOn.DayNumber - firstLateDays.Min().DayNumber) / Math.Max(1, policy.Chase.EveryDays) + 1;
        var chases = Math.Min(Math.Max(0, policy.Chase.MaxCount), reach);
        var points = (long)deadlines.Count * (policy.DaysBefore.Where(d => d > 0).Distinct().Count() + 1 + chases);
        return chases >= policy.Chase.MaxCount
            ? (plan, points)
            : (plan with { Reminders = policy with { Chase = policy.Chase with { MaxCount = (int)chases } } }, points);
    }
}
