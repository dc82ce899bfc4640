namespace Workflow.Domain.Nominations;

/// <summary>The documents a nomination dossier must contain and how many paper sets go with it.</summary>
public sealed record DossierRequirement
{
    /// <summary>Paper sets (bản) to send: 04 for the Minister, 03 for the Province Chair, 02 for the Police Director.</summary>
    public int Copies { get; init; } = 1;

    public IReadOnlyList<DossierDocument> Documents { get; init; } = [];
}
