namespace Workflow.Cli.Api;

/// <summary>The body of "tổng hợp ngay": who asks and what for; the host names the operator when no one is given.</summary>
internal sealed record SnapshotRequest(string? RequestedBy, string? Note);
