namespace Workflow.Domain.Scheduling;

/// <summary>
/// The units of one subject that share an effective deadline, in plan order: they are reminded and chased together.
/// An optional subject's units are reminded but never chased. A milestone's group has no units: its points remind the
/// operators.
/// </summary>
public sealed record DeadlineGroup(string Subject, Deadline Deadline, LatePolicy LatePolicy, IReadOnlyList<string> Units, bool Optional = false, bool IsMilestone = false);
