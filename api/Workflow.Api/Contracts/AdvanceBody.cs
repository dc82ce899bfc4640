namespace Workflow.Api.Contracts;

/// <summary>Where a stepped rehearsal's clock should move; omitted, to the cycle's next schedule instant.</summary>
public sealed record AdvanceBody(DateTimeOffset? To);
