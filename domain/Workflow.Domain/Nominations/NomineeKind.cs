namespace Workflow.Domain.Nominations;

public enum NomineeKind
{
    /// <summary>Tập thể.</summary>
    Collective,

    /// <summary>Cá nhân.</summary>
    Individual,
}
