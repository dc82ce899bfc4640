namespace Workflow.Email.Templates;

/// <summary>One line of a plan notice: what to hand in and by when.</summary>
public sealed record DeliverableDeadline(string Title, Deadline Deadline)
{
    /// <summary>The template files of the forms the unit fills for it.</summary>
    public IReadOnlyList<TemplateLink> Templates { get; init; } = [];
}
