namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// The outcome of a closed round: proposals received, accepted after all checks, refused, late attempts rejected.
/// <see cref="NotJudged"/>: the cycle closed while a quota rule still had no numbers, so nobody was judged.
/// </summary>
public sealed record RoundResult(string RoundId, int Received, int Accepted, int Refused, int LateRejected, IReadOnlyList<string> AcceptedNominations, bool NotJudged = false);
