namespace Workflow.Cli.Api;

/// <summary>An operator account as <c>GET /api/operators</c> lists it (never its key).</summary>
internal sealed record OperatorAccount(
    string Id, string Name, string Role, string Scope, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RotatedAt, DateTimeOffset? RevokedAt, string? RevokedBy);
