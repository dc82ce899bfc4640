namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// The reports at an instant. <see cref="NotRequired"/>: optional deliverables not handed in by their deadline, which
/// are never missing; <see cref="Pending"/> is what is left.
/// </summary>
public sealed record Tally(int Expected, int OnTime, int Late, int Missing, int Pending, int NotRequired = 0);
