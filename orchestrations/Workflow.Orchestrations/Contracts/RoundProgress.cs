namespace Workflow.Orchestrations.Contracts;

/// <summary>A round's custom status.</summary>
public sealed record RoundProgress(string Phase, DateTimeOffset? ClosedAt, int Candidates = 0, RoundResult? Result = null);
