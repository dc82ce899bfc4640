namespace Workflow.Api.Contracts;

/// <summary>A plan draft in the list: its latest version, with the plan's id and title as the JSON held them.</summary>
public sealed record PlanDraftRow(string DraftId, string? PlanId, string? Title, int Version, DateTimeOffset SavedAt, string SavedAtText, string SavedBy, int ErrorCount);
