namespace Workflow.Cli.Api;

/// <summary>A consolidation snapshot as the host lists it: its instant, who asked, its figures and its files.</summary>
internal sealed record SnapshotInfo(
    string Id,
    DateTimeOffset At,
    string AtText,
    string RequestedBy,
    string? Milestone,
    string? Note,
    int Expected,
    int OnTime,
    int Late,
    int Missing,
    int Pending,
    int NominationsReceived,
    int NominationsAccepted,
    string Url,
    IReadOnlyList<ExportLink> Exports,
    IReadOnlyList<FailedPiece>? Failures);
