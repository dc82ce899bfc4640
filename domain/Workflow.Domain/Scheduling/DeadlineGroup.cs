namespace Workflow.Domain.Scheduling;

/// <summary>The units of one subject that share an effective deadline, in plan order: they are reminded and chased together.</summary>
public sealed record DeadlineGroup(string Subject, Deadline Deadline, LatePolicy LatePolicy, IReadOnlyList<string> Units);
