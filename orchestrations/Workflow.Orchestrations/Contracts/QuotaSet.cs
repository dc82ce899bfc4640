namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Raised to a round's orchestration when an operator has set the numbers of one of its pending quota rules (the
/// stored plan has them already): the round looks again whether it can be judged.
/// </summary>
public sealed record QuotaSet(string QuotaId, string SetBy)
{
    public const string EventName = "QuotaSet";
}
