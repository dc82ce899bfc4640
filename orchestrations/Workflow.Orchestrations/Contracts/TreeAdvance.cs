namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// A tree's advance to <see cref="To"/>, as its fan-out carries it on: the sub-cycles still to wake, and those woken
/// and not yet past their step. The top cycle and the resting sub-cycles were moved by the advance itself.
/// </summary>
public sealed record TreeAdvance(string TopCycleId, DateTimeOffset To, string RequestedBy, IReadOnlyList<SubCycleWake> Pending)
{
    public IReadOnlyList<SubCycleWaking> Waking { get; init; } = [];

    /// <summary>At most this many sub-cycles woken and not yet past their step at once.</summary>
    public int Window { get; init; } = 300;

    /// <summary>Sub-cycles woken by the executions before this one (the fan-out continues as new as it goes).</summary>
    public int Woken { get; init; }
}
