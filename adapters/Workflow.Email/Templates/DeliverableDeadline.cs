namespace Workflow.Email.Templates;

/// <summary>One line of a plan notice: what to hand in and by when.</summary>
public sealed record DeliverableDeadline(string Title, Deadline Deadline);
