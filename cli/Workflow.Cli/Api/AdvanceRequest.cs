namespace Workflow.Cli.Api;

/// <summary>Where a stepped rehearsal should move to; without a body the host moves it to the next schedule instant.</summary>
internal sealed record AdvanceRequest(DateTimeOffset To);
