namespace Workflow.Domain.Time;

public enum Timeliness
{
    OnTime,
    Late,
}
