namespace Workflow.Domain.Nominations;

/// <summary>A document a unit handed in for a nominee's dossier; <see cref="LineCount"/> where the plan limits its length.</summary>
public sealed record SubmittedDocument(string DocumentId, int? LineCount = null);
