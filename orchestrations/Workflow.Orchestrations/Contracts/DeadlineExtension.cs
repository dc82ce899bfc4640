namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Gia hạn: an operator moves a deadline for all units in scope (empty <see cref="Units"/>) or for named units.
/// Recorded with who asked and why; the affected units' deadline group and its reminder points follow it.
/// </summary>
public sealed record DeadlineExtension(string Subject, Deadline NewDeadline, IReadOnlyList<string> Units, string RequestedBy, string Reason)
{
    public const string EventName = "DeadlineExtended";
}
