namespace Workflow.Api.Contracts;

/// <summary>
/// A quota rule's numbers, stored with the plan; <see cref="StillPending"/> lists the round's rules still without numbers
/// (the round is judged once it is empty, or at once if it had already closed and was waiting).
/// </summary>
public sealed record QuotaAccepted(string Id, string Round, string Quota, string NumbersText, IReadOnlyList<string> StillPending);
