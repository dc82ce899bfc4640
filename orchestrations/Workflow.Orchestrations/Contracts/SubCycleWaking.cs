namespace Workflow.Orchestrations.Contracts;

/// <summary>A sub-cycle woken by a tree's advance and not yet past its step, since the fan-out's instant <see cref="Since"/>.</summary>
public sealed record SubCycleWaking(string CycleId, DateTime Since);
