namespace Workflow.Api.Contracts;

/// <summary>The version a save of a plan draft made (201), or the latest one when nothing changed (200); saved at: dd/MM/yyyy HH:mm, Vietnam time.</summary>
public sealed record PlanDraftSaved(string DraftId, int Version, DateTimeOffset SavedAt, string SavedAtText, string SavedBy, int ErrorCount);
