namespace Workflow.Benchmarks.PerUnit;

/// <summary>One mail to one unit: the plan notice when <see cref="Point"/> is null, else the reminder or chase of that point.</summary>
internal sealed record UnitMail(string CycleId, string UnitId, ScheduledPoint? Point, DateTimeOffset At);
