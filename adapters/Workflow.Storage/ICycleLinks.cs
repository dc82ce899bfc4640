namespace Workflow.Storage;

/// <summary>Which cycle a sub-cycle belongs to, and the sub-cycles of a cycle: written once when a relay issues its plan.</summary>
public interface ICycleLinks
{
    /// <summary>Records the link; the same link again changes nothing, a different one for the same cycle throws <see cref="InvalidOperationException"/>.</summary>
    Task SaveAsync(CycleLink link, CancellationToken cancellationToken = default);

    /// <summary>The sub-cycle's link; null for a top cycle (or an unknown id).</summary>
    Task<CycleLink?> GetAsync(string cycleId, CancellationToken cancellationToken = default);

    /// <summary>The sub-cycles issued under a cycle, by relay id.</summary>
    Task<IReadOnlyList<CycleLink>> ChildrenAsync(string parentCycleId, CancellationToken cancellationToken = default);
}
