using System.Text.Json.Serialization;

namespace Workflow.Domain.Nominations;

/// <summary>
/// One limit of a structured quota. The nominees that <see cref="Match"/> selects are counted per group
/// (<see cref="Per"/>): each proposing unit, each nominee's unit, or all together; each group must stay within
/// every limit that is set. "01 tập thể, 02 cá nhân, trong đó có 01 thuộc lực lượng Công an" is
/// MaxCollective 1, MaxIndividual 2, MinPolice 1, MaxPolice 1, per proposer.
/// </summary>
public sealed record QuotaRule
{
    public required string Id { get; init; }

    /// <summary>The rule as the plan words it, in Vietnamese; quoted when the rule is exceeded.</summary>
    public required string Description { get; init; }

    public QuotaGrouping Per { get; init; } = QuotaGrouping.All;
    public QuotaMatch Match { get; init; } = new();
    public int? Max { get; init; }
    public int? MaxCollective { get; init; }
    public int? MaxIndividual { get; init; }
    public int? MinPolice { get; init; }
    public int? MaxPolice { get; init; }

    /// <summary>
    /// The rule's structure is known but its numbers come later ("theo chỉ tiêu Bộ Công an giao"): nominations are taken,
    /// and the round waits for an operator to set the numbers before it is judged.
    /// </summary>
    public bool Pending { get; init; }

    /// <summary>True when at least one limit is set.</summary>
    [JsonIgnore]
    public bool HasLimits => Max is not null || MaxCollective is not null || MaxIndividual is not null || MinPolice is not null || MaxPolice is not null;

    /// <summary>A plain total (only <see cref="Max"/>, everything matched) does not place a nominee in the structure.</summary>
    [JsonIgnore]
    public bool IsTotal => Match.IsEmpty && Per == QuotaGrouping.All;
}
