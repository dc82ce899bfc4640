namespace Workflow.Api.Contracts;

/// <summary>A quota rule of a round whose numbers an operator has still to set (<c>PUT …/rounds/{round}/quotas/{id}</c>).</summary>
public sealed record PendingQuota(string Id, string Description);
