namespace Workflow.Storage;

/// <summary>What is recorded with a draft version as it is saved: when (UTC), by whom, and the plan's id, title and error count then.</summary>
public sealed record PlanDraftNote(DateTimeOffset SavedAt, string SavedBy, string? PlanId, string? Title, int ErrorCount);
