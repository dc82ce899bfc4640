namespace Workflow.Api.Contracts;

/// <summary>
/// An operator milestone of the plan: its wording ("trước ngày 15/08/2024"), its last minute, its cutoff, whether it
/// takes a consolidation snapshot at each reminder, whether the cycle's clock has passed it, and its reminders' instants.
/// </summary>
public sealed record MilestoneInfo(
    string Id,
    string Title,
    string DeadlineText,
    string LastAcceptedText,
    DateTimeOffset Cutoff,
    bool Consolidate,
    bool Reached,
    IReadOnlyList<string> RemindersText);
