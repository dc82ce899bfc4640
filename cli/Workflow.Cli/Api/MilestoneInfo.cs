namespace Workflow.Cli.Api;

/// <summary>An operator milestone of the plan, as the host describes it.</summary>
internal sealed record MilestoneInfo(
    string Id,
    string Title,
    string DeadlineText,
    string LastAcceptedText,
    DateTimeOffset Cutoff,
    bool Consolidate,
    bool Reached,
    IReadOnlyList<string>? RemindersText);
