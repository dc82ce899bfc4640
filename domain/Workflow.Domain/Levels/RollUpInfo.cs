namespace Workflow.Domain.Levels;

/// <summary>
/// Carried by a relay's report to its parent: the sub-cycle it was rolled up from, its base units' completion, and
/// every figure the relay corrected, with who did and when. Stored with the report's version, so it never changes.
/// </summary>
public sealed record RollUpInfo
{
    public required string SubCycleId { get; init; }
    public required BaseCompletion Base { get; init; }
    public IReadOnlyList<RollUpCorrection> Corrections { get; init; } = [];
    public string By { get; init; } = "";
    public DateTimeOffset? At { get; init; }
}
