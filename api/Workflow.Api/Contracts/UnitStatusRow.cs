namespace Workflow.Api.Contracts;

/// <summary>One unit on one subject; <see cref="StateText"/> says its state in Vietnamese ("Không đề nghị" for an optional round).</summary>
public sealed record UnitStatusRow(
    string UnitId,
    string UnitName,
    string Block,
    string? BlockName,
    string Subject,
    string SubjectTitle,
    UnitState State,
    DateTimeOffset? SubmittedAt,
    string? SubmittedAtText,
    int? Version,
    string? Receipt,
    int RemindersSent,
    DateTimeOffset? LastReminderAt,
    string? LastReminderText,
    string DeadlineText,
    string? StateText = null)
{
    /// <summary>The files of the counted version, each with its download link: the report, then the filled file of each file-only form.</summary>
    public IReadOnlyList<ReportFile> Files { get; init; } = [];
}
