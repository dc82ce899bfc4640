namespace Workflow.Api.Contracts;

/// <summary>One line of a cycle's timeline: from the orchestration's history or the upload audit.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string AtText, string Kind, string Title, string? Detail);
