namespace Workflow.Domain.Scheduling;

/// <summary>What happens at a point of a drafted plan's schedule; a milestone's points remind the operators, not units.</summary>
public enum PreviewPointKind
{
    Reminder,
    Deadline,
    Chase,
    Escalation,
    MilestoneReminder,
    Milestone,
}
