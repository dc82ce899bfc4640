namespace Workflow.Orchestrations.Contracts;

/// <summary>Which of these woken sub-cycles of <see cref="TopCycleId"/>'s tree have not yet acted on the advance to <see cref="To"/>.</summary>
public sealed record WakeCheck(string TopCycleId, DateTimeOffset To, IReadOnlyList<string> Cycles);
