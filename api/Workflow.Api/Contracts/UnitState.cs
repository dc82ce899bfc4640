namespace Workflow.Api.Contracts;

/// <summary>Where a unit stands on one subject, as people read it.</summary>
public enum UnitState
{
    Pending,
    OnTime,
    Late,
    Missing,

    /// <summary>An optional deliverable or round the unit did not hand in by its deadline: never missing.</summary>
    NotRequired,

    /// <summary>A round an operator has not dated yet: nothing can be handed in.</summary>
    Undated,
}
