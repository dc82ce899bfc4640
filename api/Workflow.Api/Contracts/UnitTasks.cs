namespace Workflow.Api.Contracts;

/// <summary>What a unit must hand in during its cycle.</summary>
public sealed record UnitTasks(string CycleId, string UnitId, string UnitName, string PlanTitle, string PlanNumber, IReadOnlyList<UnitTask> Tasks);
