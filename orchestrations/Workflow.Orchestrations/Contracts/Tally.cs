namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// The reports' counts at one instant, and per proposal round the late attempts refused so far (from the audit: they
/// keep coming after a round has been judged, and the headline counts them as they come).
/// </summary>
public sealed record Tally(int Expected, int OnTime, int Late, int Missing, int Pending, IReadOnlyDictionary<string, int>? LateRejected = null);
