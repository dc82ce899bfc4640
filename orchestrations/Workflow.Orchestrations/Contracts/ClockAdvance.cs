namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// A stepped rehearsal's clock moves only when told: the cycle acts on every schedule instant up to <see cref="To"/>
/// in order, then stands at <see cref="To"/>. <see cref="Recorded"/>: the sender has already moved the cycle's stored
/// clock to <see cref="To"/> (an advance of a tree, to a sub-cycle whose next step is exactly there), so the cycle need
/// not record its stand again.
/// </summary>
public sealed record ClockAdvance(DateTimeOffset To, string RequestedBy, bool Recorded = false)
{
    public const string EventName = "ClockAdvanced";
}
