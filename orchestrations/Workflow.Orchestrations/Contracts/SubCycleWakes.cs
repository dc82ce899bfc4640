namespace Workflow.Orchestrations.Contracts;

/// <summary>One window of a tree's advance: the sub-cycles to send the advance to.</summary>
public sealed record SubCycleWakes(DateTimeOffset To, string RequestedBy, IReadOnlyList<SubCycleWake> Cycles);
