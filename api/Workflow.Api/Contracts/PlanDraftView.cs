using System.Text.Json;

namespace Workflow.Api.Contracts;

/// <summary>
/// One version of a plan draft with the plan JSON object it holds (as saved, comments aside), and every version of the
/// draft, the latest first.
/// </summary>
public sealed record PlanDraftView(
    string DraftId,
    int Version,
    DateTimeOffset SavedAt,
    string SavedAtText,
    string SavedBy,
    string? PlanId,
    string? Title,
    int ErrorCount,
    IReadOnlyList<PlanDraftVersionRow> Versions,
    JsonElement Plan);
