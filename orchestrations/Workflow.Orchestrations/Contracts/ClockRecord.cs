namespace Workflow.Orchestrations.Contracts;

/// <summary>Stores the cycle's business clock where the upload boundary reads it.</summary>
public sealed record ClockRecord(string CycleId, BusinessClock Clock);
