namespace Workflow.Domain.Scheduling;

/// <summary>
/// Derives every reminder, deadline and chase instant of a plan from its deadlines and reminder policy.
/// Reminders fall "d days before the end": on the day d days before the first late day, at the send time.
/// Chases start on the first late day and repeat every few days; chases after the configured number escalate.
/// Late nomination files are refused, so rejecting deadlines get reminders but no chases; optional subjects are never
/// chased either, and milestones only remind the operators.
/// </summary>
public static class ScheduleBuilder
{
    public static IReadOnlyList<ScheduledPoint> Build(Plan plan)
    {
        var zone = plan.Zone();
        var issued = VietnamTime.StartOfDay(plan.IssuedOn, zone);
        var points = new List<ScheduledPoint>();
        foreach (var deliverable in plan.AllDeliverables())
        {
            points.AddRange(ForDeadline(deliverable.Id, deliverable.Deadline, deliverable.LatePolicy, plan.Reminders, zone, deliverable.Optional));
        }

        foreach (var round in plan.NominationRounds.Where(r => r.PickedFrom is null && r.Deadline is not null))
        {
            points.AddRange(ForDeadline(round.Id, round.Deadline!, round.LatePolicy, plan.Reminders, zone, round.Optional));
        }

        foreach (var milestone in plan.Milestones)
        {
            points.AddRange(ForDeadline(milestone.Id, milestone.Deadline, LatePolicy.Reject, plan.Reminders, zone, optional: true));
        }

        // Nothing can be sent before the plan exists.
        return [.. points.Where(p => p.Instant >= issued).OrderBy(p => p.Instant).ThenBy(p => p.Subject, StringComparer.Ordinal)];
    }

    /// <summary>The points of one deadline; used again when a deadline is extended for some units.</summary>
    public static IReadOnlyList<ScheduledPoint> ForDeadline(
        string subject, Deadline deadline, LatePolicy latePolicy, ReminderPolicy policy, TimeZoneInfo zone, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(policy);
        if (deadline.FirstLateDay is not { } firstLateDay)
        {
            // A deadline past the end of the calendar has no instant at all.
            return deadline.IsWellFormed ? [] : throw new ArgumentException("The deadline names no valid day.", nameof(deadline));
        }

        var points = new List<ScheduledPoint>();
        // Days off the calendar (a deadline at either end of it) have no point rather than an overflow.
        foreach (var days in policy.DaysBefore.Where(d => d > 0).Distinct().OrderDescending())
        {
            if (VietnamTime.AddDays(firstLateDay, -days) is { } day)
            {
                points.Add(new ScheduledPoint(VietnamTime.At(day, policy.SendAt, zone), ScheduledPointKind.Reminder, subject, days));
            }
        }

        points.Add(new ScheduledPoint(VietnamTime.StartOfDay(firstLateDay, zone), ScheduledPointKind.Deadline, subject, 0));
        if (latePolicy == LatePolicy.AcceptAndMarkLate && !optional)
        {
            for (var n = 1; n <= policy.Chase.MaxCount; n++)
            {
                if (VietnamTime.AddDays(firstLateDay, (int)Math.Min(int.MaxValue, (long)(n - 1) * Math.Max(1, policy.Chase.EveryDays))) is not { } day)
                {
                    break;
                }

                var kind = policy.EscalateAfterChases > 0 && n > policy.EscalateAfterChases ? ScheduledPointKind.Escalation : ScheduledPointKind.Chase;
                points.Add(new ScheduledPoint(VietnamTime.At(day, policy.SendAt, zone), kind, subject, n));
            }
        }

        return points;
    }
}
