namespace Workflow.Domain.Consolidation;

/// <summary>A closed round: each nominee's outcome, and structure shortfalls of the accepted set (e.g. no police nominee).</summary>
public sealed record RoundOutcome(string RoundId, IReadOnlyList<NomineeOutcome> Nominees, IReadOnlyList<QuotaViolation> Shortfalls)
{
    public IReadOnlyList<NomineeOutcome> Accepted => [.. Nominees.Where(n => n.Accepted)];
}
