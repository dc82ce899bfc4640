namespace Workflow.Domain.Scheduling;

/// <summary>
/// The next cutoff of a cycle after an instant, with the plan's wording for the dashboard and the command line. A
/// milestone is the operators' own deadline, so it names itself ("mốc công việc «…»: trước ngày 15/08/2024") rather
/// than read like a unit's deadline.
/// </summary>
public sealed record NextDeadline(DateTimeOffset Cutoff, string Text)
{
    /// <summary>The earliest cutoff after <paramref name="now"/>; on a tie, units' deadlines (planned first) before milestones.</summary>
    public static NextDeadline? After(Plan plan, IEnumerable<DeadlineGroup> groups, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var evaluator = new DeadlineEvaluator(plan.Zone());
        return groups
            .Select(g => (Group: g, Cutoff: evaluator.Cutoff(g.Deadline)))
            .Where(d => d.Cutoff > now)
            .OrderBy(d => d.Cutoff)
            .Select(d => new NextDeadline(d.Cutoff, Describe(plan, d.Group)))
            .FirstOrDefault();
    }

    private static string Describe(Plan plan, DeadlineGroup group) => group.IsMilestone
        ? $"mốc công việc «{plan.SubjectTitle(group.Subject) ?? group.Subject}»: {group.Deadline.Describe()}"
        : group.Deadline.Describe();
}
