namespace Workflow.Domain.Nominations;

/// <summary>
/// One entry of a collective's or a person's achievement record (MISA CeGov's "quá trình khen thưởng"): a title or
/// award of a year, the decision that conferred it, and the decision's file as evidence. A title that is a level of one
/// of the plan's scales names it (<see cref="Scale"/>, <see cref="Level"/>): only those count towards yearly criteria.
/// </summary>
public sealed record AchievementRecord
{
    /// <summary>Unique within the nominee's record; safe for storage keys.</summary>
    public required string Id { get; init; }

    public required int Year { get; init; }

    /// <summary>As written on the decision: "Đơn vị quyết thắng", "Giấy khen của Giám đốc Công an tỉnh".</summary>
    public required string Title { get; init; }

    public string? Scale { get; init; }
    public string? Level { get; init; }

    /// <summary>Số/ký hiệu of the decision, e.g. "125/QĐ-CAT".</summary>
    public string? DecisionNumber { get; init; }

    public DateOnly? DecisionDate { get; init; }

    /// <summary>Who signed it: "Giám đốc Công an tỉnh Bắc Giang".</summary>
    public string? Issuer { get; init; }

    /// <summary>The decision's file as the unit uploaded it; null when the unit only declared the record.</summary>
    public EvidenceFile? Evidence { get; init; }

    /// <summary>An operator's verdict on the record; null until one looks at it.</summary>
    public RecordReview? Review { get; init; }

    /// <summary>Refused records count for nothing.</summary>
    public bool Counts => Review?.Verdict != ReviewVerdict.Refused;

    /// <summary>Backed by a file of the decision, or checked by an operator against the issuer's archive.</summary>
    public bool Evidenced => Counts && (Evidence is not null || Review?.Verdict == ReviewVerdict.Verified);
}
