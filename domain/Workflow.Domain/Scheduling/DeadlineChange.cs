namespace Workflow.Domain.Scheduling;

/// <summary>
/// An operator's extension of one subject's deadline. Empty <see cref="Units"/> means every unit in the subject's scope;
/// a later change overrides earlier ones for the units it names.
/// </summary>
public sealed record DeadlineChange(string Subject, Deadline NewDeadline, IReadOnlyList<string> Units);
