namespace Workflow.Domain.Plans;

/// <summary>A template file a plan declares, with the form and deliverable that declare it.</summary>
public sealed record DeclaredTemplate(Deliverable Deliverable, StatisticalForm Form, FormTemplate Template);
