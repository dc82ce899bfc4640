namespace Workflow.Orchestrations.Contracts;

/// <summary>The province's choice, for a level it picks from lower-level proposals.</summary>
public sealed record ProvincePicks(IReadOnlyList<string> Nominations, string PickedBy)
{
    public const string EventName = "ProvincePicks";
}
