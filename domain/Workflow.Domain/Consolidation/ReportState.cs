namespace Workflow.Domain.Consolidation;

public enum ReportState
{
    OnTime,
    Late,
    Missing,

    /// <summary>An optional deliverable the unit did not hand in: "không nộp (không bắt buộc)", never missing.</summary>
    NotRequired,
}
