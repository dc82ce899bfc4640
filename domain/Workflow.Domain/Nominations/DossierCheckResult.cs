namespace Workflow.Domain.Nominations;

/// <summary>What is wrong with a dossier; complete only when nothing is missing or over its limit.</summary>
public sealed record DossierCheckResult(int Copies, IReadOnlyList<DossierProblem> Problems)
{
    public bool Complete => Problems.Count == 0;

    public IReadOnlyList<DossierProblem> Missing => [.. Problems.Where(p => p.Kind == DossierProblemKind.Missing)];

    public IReadOnlyList<DossierProblem> OverLimit => [.. Problems.Where(p => p.Kind != DossierProblemKind.Missing)];
}
