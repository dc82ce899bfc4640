namespace Workflow.Orchestrations.Contracts;

/// <summary>The plan notice for a batch of units, each with its tasks and its own upload link.</summary>
public sealed record NoticeBatch(string CycleId, IReadOnlyList<string> Units);
