namespace Workflow.Domain.Nominations;

/// <summary>
/// The decision's file behind an achievement record: the part of the nomination dossier that holds it
/// (<c>minh-chung.{record id}</c>), its name as uploaded, and its SHA-256.
/// </summary>
public sealed record EvidenceFile(string DocumentId, string FileName, string Sha256)
{
    public const string Prefix = "minh-chung.";

    /// <summary>Where the file was stored (cycle, proposer, round, dossier version), once known: a record kept for later
    /// cycles still links to the dossier it came with.</summary>
    public string? CycleId { get; init; }

    public string? UnitId { get; init; }
    public string? RoundId { get; init; }
    public int? Version { get; init; }

    public static string DocumentIdOf(string recordId) => Prefix + recordId;
}
