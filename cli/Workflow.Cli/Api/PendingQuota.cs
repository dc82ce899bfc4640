namespace Workflow.Cli.Api;

/// <summary>A quota rule of a round still waiting for its numbers.</summary>
internal sealed record PendingQuota(string Id, string Description);
