namespace Workflow.Api.Contracts;

public enum TaskKind
{
    Report,
    Registration,
    ImplementationPlan,
    Nomination,
}
