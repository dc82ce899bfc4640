namespace Workflow.Storage;

/// <summary>Achievement records kept across cycles, per proposing unit and nominee identity, and the signed decisions.</summary>
public interface IAchievementRegistry
{
    Task<IReadOnlyList<KeptNominee>> ListAsync(string keeperUnitId, CancellationToken cancellationToken = default);

    Task<KeptNominee?> GetAsync(string keeperUnitId, string identity, CancellationToken cancellationToken = default);

    /// <summary>Reads, changes and writes one kept nominee under its ETag, re-reading when another writer won.</summary>
    Task<KeptNominee> UpdateAsync(string keeperUnitId, string identity, Func<KeptNominee?, KeptNominee> change, CancellationToken cancellationToken = default);

    Task SaveDecisionAsync(AwardDecision decision, CancellationToken cancellationToken = default);

    Task<AwardDecision?> GetDecisionAsync(string cycleId, string roundId, CancellationToken cancellationToken = default);
}
