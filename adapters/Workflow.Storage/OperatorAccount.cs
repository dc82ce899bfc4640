using Workflow.Domain.Access;

namespace Workflow.Storage;

/// <summary>
/// An operator's account: who (id, display name), what (role) and where (scope: a unit and everything under it, or
/// <see cref="OperatorScope.Root"/>). Only the SHA-256 of the key's secret is kept; a revoked account opens nothing.
/// </summary>
public sealed record OperatorAccount(
    string Id, string Name, OperatorRole Role, string Scope, string SecretHash, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RotatedAt = null, DateTimeOffset? RevokedAt = null, string? RevokedBy = null);
