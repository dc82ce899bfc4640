namespace Workflow.Api.Contracts;

/// <summary>Tổng hợp ngay: who asks (by default the operator's identity) and an optional note on what it is for.</summary>
public sealed record SnapshotBody(string? RequestedBy, string? Note);
