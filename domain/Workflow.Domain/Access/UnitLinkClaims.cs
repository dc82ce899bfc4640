namespace Workflow.Domain.Access;

public sealed record UnitLinkClaims(string CycleId, string UnitId, DateTimeOffset ExpiresAt);
