namespace Workflow.Durable;

/// <summary>One page of instances; a null continuation token means the last page.</summary>
public sealed record OrchestrationQueryResult(IReadOnlyList<OrchestrationMetadata> Items, string? ContinuationToken);
