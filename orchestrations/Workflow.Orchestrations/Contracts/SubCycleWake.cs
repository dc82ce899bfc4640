namespace Workflow.Orchestrations.Contracts;

/// <summary>A sub-cycle an advance wakes, and whether the advance already recorded its stand there (<see cref="ClockAdvance.Recorded"/>).</summary>
public sealed record SubCycleWake(string CycleId, bool Recorded);
