namespace Workflow.Storage;

/// <summary>The plan of each cycle as it was started; written once, never changed (extensions live in the status rows).</summary>
public interface IPlanStore
{
    /// <summary>Stores the plan of a cycle; storing the same plan again is a no-op, a different one for the same cycle fails.</summary>
    Task SaveAsync(string cycleId, Plan plan, CancellationToken cancellationToken = default);

    Task<Plan?> GetAsync(string cycleId, CancellationToken cancellationToken = default);
}
