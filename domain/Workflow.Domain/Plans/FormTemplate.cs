namespace Workflow.Domain.Plans;

/// <summary>
/// A template file attached to the plan for a form ("Biểu mẫu 3", "Phụ lục"): units download it from the plan notice and
/// the unit page. <see cref="File"/> is the file's name among the cycle's attached templates.
/// </summary>
public sealed record FormTemplate(string Title, string File);
