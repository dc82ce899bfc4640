namespace Workflow.Domain.Scheduling;

/// <summary>
/// A cycle's schedule as the instants its orchestration sleeps until. Units of a subject that share an effective
/// deadline (the plan's, or the latest operator extension naming them) form a deadline group; every group contributes
/// the points of <see cref="ScheduleBuilder.ForDeadline"/>, and points at one instant become one step.
/// Deadlines that name no valid day throw <see cref="ArgumentException"/> (validation refuses such plans earlier).
/// </summary>
public static class CycleSchedule
{
    /// <summary>
    /// Each subject's units grouped by effective deadline: subjects in <see cref="Plan.Subjects"/> order, then by cutoff,
    /// units in plan order. A subject with no unit in scope has no group.
    /// </summary>
    public static IReadOnlyList<DeadlineGroup> Groups(Plan plan, IReadOnlyList<DeadlineChange> changes) =>
        [.. RankedGroups(plan, changes).Select(g => g.Group)];

    /// <summary>
    /// Every group's points from the plan's issue day until it closes, merged by instant and ordered by it;
    /// within a step by subject order, kind, then group cutoff. Deadline points are steps too: the cycle wakes there
    /// to count who missed it, though nobody is mailed.
    /// </summary>
    public static IReadOnlyList<ScheduleStep> Steps(Plan plan, IReadOnlyList<DeadlineChange> changes)
    {
        var zone = plan.Zone();

        // Nothing can be sent before the plan exists, nor once the cycle has closed.
        var issued = VietnamTime.StartOfDay(plan.IssuedOn, zone);
        var closes = plan.ClosesAt();
        var groups = RankedGroups(plan, changes);
        var points = new List<(GroupPoint Point, int SubjectRank, int GroupRank)>();
        for (var rank = 0; rank < groups.Count; rank++)
        {
            var (group, subjectRank) = groups[rank];
            points.AddRange(ScheduleBuilder.ForDeadline(group.Subject, group.Deadline, group.LatePolicy, plan.Reminders, zone, group.Optional)
                .Where(p => p.Instant >= issued && p.Instant < closes)
                .Select(p => (new GroupPoint(p, group), subjectRank, rank)));
        }

        return
        [
            .. points
                .GroupBy(p => p.Point.Point.Instant)
                .OrderBy(step => step.Key)
                .Select(step => new ScheduleStep(
                    step.Key.ToUniversalTime(),
                    [
                        .. step.OrderBy(p => p.SubjectRank)
                            .ThenBy(p => p.Point.Point.Kind)
                            .ThenBy(p => p.GroupRank)
                            .ThenBy(p => p.Point.Point.Sequence)
                            .Select(p => p.Point),
                    ])),
        ];
    }

    /// <summary>The steps strictly after an instant: where a cycle resumes after waking at (or replaying up to) it.</summary>
    public static IReadOnlyList<ScheduleStep> After(IReadOnlyList<ScheduleStep> steps, DateTimeOffset instant) =>
        [.. steps.Where(s => s.Instant > instant)];

    /// <summary>
    /// What units hand in under the changes so far: the plan's subjects, then the rounds an operator has dated (the first
    /// change naming an undated round dates it for all its proposers).
    /// </summary>
    public static IEnumerable<PlanSubject> Subjects(Plan plan, IReadOnlyList<DeadlineChange> changes) =>
        plan.Subjects().Concat(plan.UndatedRounds()
            .Select(r => (Round: r, Dated: changes.FirstOrDefault(c => string.Equals(c.Subject, r.Id, StringComparison.Ordinal))))
            .Where(r => r.Dated is not null)
            .Select(r => r.Round.AsSubject(r.Dated!.NewDeadline)));

    // Groups in their final order with the index of their subject in Subjects(), which orders points within a step;
    // milestones come last, with no units.
    private static List<(DeadlineGroup Group, int SubjectRank)> RankedGroups(Plan plan, IReadOnlyList<DeadlineChange> changes)
    {
        var evaluator = new DeadlineEvaluator(plan.Zone());
        var result = new List<(DeadlineGroup, int)>();
        var subjectRank = 0;
        foreach (var subject in Subjects(plan, changes))
        {
            var units = subject.Scope.Select(plan.Units).Select(u => u.Id).Distinct(StringComparer.Ordinal).ToList();
            var effective = units.ToDictionary(u => u, _ => subject.Deadline, StringComparer.Ordinal);

            // Changes apply in order, so a later one wins for the units it names; units out of scope are ignored.
            foreach (var change in changes.Where(c => string.Equals(c.Subject, subject.Id, StringComparison.Ordinal)))
            {
                var named = change.Units.Count == 0 ? units : change.Units.Where(effective.ContainsKey);
                foreach (var unit in named)
                {
                    effective[unit] = change.NewDeadline;
                }
            }

            // GroupBy keeps units in plan order and groups in order of their first unit; the stable sort keeps
            // that order between different wordings of the same cutoff.
            result.AddRange(units
                .GroupBy(u => effective[u])
                .OrderBy(g => evaluator.Cutoff(g.Key))
                .Select(g => (new DeadlineGroup(subject.Id, g.Key, subject.LatePolicy, [.. g], subject.Optional), subjectRank)));
            subjectRank++;
        }

        foreach (var milestone in plan.Milestones)
        {
            result.Add((new DeadlineGroup(milestone.Id, milestone.Deadline, LatePolicy.Reject, [], Optional: true, IsMilestone: true), subjectRank++));
        }

        return result;
    }
}
