using System.Text.Json.Serialization;

namespace Workflow.Domain.Nominations;

/// <summary>Which nominees a quota rule counts; every list that is set must match (empty lists match all).</summary>
public sealed record QuotaMatch
{
    public IReadOnlyList<string> ProposerBlocks { get; init; } = [];
    public IReadOnlyList<string> ProposerUnits { get; init; } = [];
    public IReadOnlyList<string> NomineeBlocks { get; init; } = [];
    public IReadOnlyList<string> NomineeUnits { get; init; } = [];

    /// <summary>Nominees whose unit is managed by one of these units (e.g. Phòng An ninh kinh tế).</summary>
    public IReadOnlyList<string> NomineeManagedBy { get; init; } = [];

    [JsonIgnore]
    public bool IsEmpty => ProposerBlocks.Count == 0 && ProposerUnits.Count == 0 && NomineeBlocks.Count == 0
        && NomineeUnits.Count == 0 && NomineeManagedBy.Count == 0;
}
