namespace Workflow.Domain.Consolidation;

public enum ReportState
{
    OnTime,
    Late,
    Missing,
}
