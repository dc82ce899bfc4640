using Workflow.Domain.Access;

namespace Workflow.Api.Contracts;

/// <summary>An operator account as listed: never its key or the key's hash.</summary>
public sealed record OperatorInfo(
    string Id, string Name, OperatorRole Role, string Scope, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RotatedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static OperatorInfo Of(OperatorAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Id, account.Name, account.Role, account.Scope, account.CreatedAt, account.CreatedBy, account.RotatedAt, account.RevokedAt, account.RevokedBy);
    }
}
