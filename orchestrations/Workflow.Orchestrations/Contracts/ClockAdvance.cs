namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// A stepped rehearsal's clock moves only when told: the cycle acts on every schedule instant up to <see cref="To"/>
/// in order, then stands at <see cref="To"/>.
/// </summary>
public sealed record ClockAdvance(DateTimeOffset To, string RequestedBy)
{
    public const string EventName = "ClockAdvanced";
}
