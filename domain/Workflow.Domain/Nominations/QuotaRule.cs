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

    /// <summary>A plain total (only <see cref="Max"/>, everything matched) does not place a nominee in the structure.</summary>
    [JsonIgnore]
    public bool IsTotal => Match.IsEmpty && Per == QuotaGrouping.All;
}
