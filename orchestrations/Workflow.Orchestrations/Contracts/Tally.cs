namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// The reports' counts at one instant, and per proposal round the late attempts refused so far (from the audit: they
/// keep coming after a round has been judged, and the headline counts them as they come). <see cref="NotRequired"/>:
/// optional deliverables not handed in by their deadline, which are never missing; <see cref="Pending"/> is what is left.
/// </summary>
public sealed record Tally(int Expected, int OnTime, int Late, int Missing, int Pending, IReadOnlyDictionary<string, int>? LateRejected = null, int NotRequired = 0);
