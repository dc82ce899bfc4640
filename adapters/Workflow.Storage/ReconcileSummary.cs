namespace Workflow.Storage;

/// <summary>What one reconciler run did: accepted uploads it made visible, abandoned ones it deleted.</summary>
public sealed record ReconcileSummary(int Finished, int Swept);
