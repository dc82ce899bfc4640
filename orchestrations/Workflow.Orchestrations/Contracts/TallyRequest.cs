namespace Workflow.Orchestrations.Contracts;

/// <summary>Counts the reports from the status rows at a business instant: past its cutoff, a unit that has not handed in is missing.</summary>
public sealed record TallyRequest(string CycleId, DateTimeOffset At);
