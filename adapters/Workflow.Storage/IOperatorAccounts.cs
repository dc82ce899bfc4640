namespace Workflow.Storage;

/// <summary>Operator accounts and the audit of refused operator requests, read on every request so a change applies at once.</summary>
public interface IOperatorAccounts
{
    /// <summary>Adds a new account; an existing id throws <see cref="InvalidOperationException"/>.</summary>
    Task CreateAsync(OperatorAccount account, CancellationToken cancellationToken = default);

    /// <summary>The account, or null when there is none of that id.</summary>
    Task<OperatorAccount?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<OperatorAccount>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the account (a rotated hash, a revocation).</summary>
    Task UpdateAsync(OperatorAccount account, CancellationToken cancellationToken = default);

    Task RecordDenialAsync(AccessDenial denial, CancellationToken cancellationToken = default);

    /// <summary>The latest denials first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AccessDenial>> DenialsAsync(int limit, CancellationToken cancellationToken = default);
}
