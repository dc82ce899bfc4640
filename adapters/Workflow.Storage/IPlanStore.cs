namespace Workflow.Storage;

/// <summary>
/// The plan of each cycle. Written when the cycle starts; afterwards it changes only by an operator's amendment that
/// the plan itself leaves open (a round dated later, a quota whose numbers come later), each kept as a new version.
/// Extensions live in the status rows, not here.
/// </summary>
public interface IPlanStore
{
    /// <summary>Stores the plan of a cycle; storing the same plan again is a no-op, a different one for the same cycle fails.</summary>
    Task SaveAsync(string cycleId, Plan plan, CancellationToken cancellationToken = default);

    /// <summary>The cycle's current plan (its latest version), or null when none was stored.</summary>
    Task<Plan?> GetAsync(string cycleId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores what <paramref name="change"/> makes of the current plan as its next version; null from
    /// <paramref name="change"/> leaves the plan as it is. Writers that race re-read and re-apply their change, so
    /// <paramref name="change"/> may run more than once and must decide from the plan it is given. Returns the current
    /// plan afterwards, or null when the cycle has no stored plan.
    /// </summary>
    Task<Plan?> UpdateAsync(string cycleId, Func<Plan, Plan?> change, CancellationToken cancellationToken = default);
}
