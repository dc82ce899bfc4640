namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Asks which quota rules of a closed round still have no numbers. <see cref="RunId"/> (the round's instance id) keys
/// the timeline line that records the wait, so a retried activity writes it once and a round run again writes its own.
/// </summary>
public sealed record QuotaWait(string CycleId, string RoundId, string RunId);
