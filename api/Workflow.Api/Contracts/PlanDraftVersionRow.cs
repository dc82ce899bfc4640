namespace Workflow.Api.Contracts;

/// <summary>One version of a plan draft, as the version list shows it.</summary>
public sealed record PlanDraftVersionRow(int Version, DateTimeOffset SavedAt, string SavedAtText, string SavedBy, int ErrorCount);
