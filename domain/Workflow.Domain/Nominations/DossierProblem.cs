namespace Workflow.Domain.Nominations;

public sealed record DossierProblem(string DocumentId, string Title, DossierProblemKind Kind, string Message);
