namespace Workflow.Api.Contracts;

/// <summary>Where a unit stands on one subject, as people read it.</summary>
public enum UnitState
{
    Pending,
    OnTime,
    Late,
    Missing,
}
