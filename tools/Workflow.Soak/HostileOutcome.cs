namespace Workflow.Soak;

/// <summary>How the host answered one hostile request (0: never answered).</summary>
internal sealed record HostileOutcome(string Route, string Name, int Status, bool MustRefuse, IReadOnlyList<string> Receipts)
{
    public bool WronglyAccepted => MustRefuse && Status is >= 200 and < 300;
}
