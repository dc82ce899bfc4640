namespace Workflow.Orchestrations.Contracts;

/// <summary>A round's custom status; <see cref="PendingQuotas"/> names the quota rules it waits for (phase "awaiting-quotas").</summary>
public sealed record RoundProgress(string Phase, DateTimeOffset? ClosedAt, int Candidates = 0, RoundResult? Result = null, IReadOnlyList<string>? PendingQuotas = null)
{
    public const string Closing = "closing";
    public const string Evaluating = "evaluating";
    public const string Closed = "closed";
    public const string AwaitingPicks = "awaiting-picks";
    public const string ClosedWithoutPicks = "closed-without-picks";
    public const string AwaitingQuotas = "awaiting-quotas";
    public const string ClosedWithoutQuotas = "closed-without-quotas";
}
