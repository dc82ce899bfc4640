using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Cycle;

/// <summary>
/// How a round's run ended, without throwing: its result, or why it failed after its retries, or neither when it never
/// opened (a level picked from a round that failed).
/// </summary>
internal sealed record RoundRun(string RoundId, RoundResult? Result, string? Error);
