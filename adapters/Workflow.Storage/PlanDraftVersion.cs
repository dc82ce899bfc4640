namespace Workflow.Storage;

/// <summary>
/// One stored version of a plan draft (1, 2, 3…, never rewritten): when and by whom it was saved, the plan's id and title
/// as the JSON held them (titles cut to <see cref="BlobPlanDrafts.MaxTitleLength"/>), its validation error count then, and
/// the SHA-256 of its content.
/// </summary>
public sealed record PlanDraftVersion(string DraftId, int Version, DateTimeOffset SavedAt, string SavedBy, string? PlanId, string? Title, int ErrorCount, string Sha256);
