namespace Workflow.Api.Contracts;

/// <summary>
/// What a unit must hand in during its cycle; for its nominations, the plan's scales of titles and the units a nominee
/// may belong to (the unit itself and the units under it).
/// </summary>
public sealed record UnitTasks(string CycleId, string UnitId, string UnitName, string PlanTitle, string PlanNumber, IReadOnlyList<UnitTask> Tasks)
{
    public IReadOnlyList<ScaleInfo> Scales { get; init; } = [];
    public IReadOnlyList<LevelInfo> NomineeUnits { get; init; } = [];
}
