namespace Workflow.Api.Contracts;

/// <summary>
/// An achievement record as operators see it: what it says, its decision's file (<see cref="EvidenceUrl"/>, null when
/// the unit sent none), and the review: <see cref="ReviewText"/> is "Đã xác minh", "Không công nhận: …" or
/// "Chưa xác minh", with who and when.
/// </summary>
public sealed record AchievementRow(
    string Id,
    int Year,
    string Title,
    string? Scale,
    string? Level,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    string? DecisionDateText,
    string? Issuer,
    string? EvidenceFileName,
    string? EvidenceUrl,
    ReviewVerdict? Verdict,
    string? Reason,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string ReviewText);
