namespace Workflow.Api.Contracts;

/// <summary>
/// A consolidation snapshot as operators cite it: its business instant (dd/MM/yyyy HH:mm, Vietnam time), who asked
/// (an operator or a milestone), its figures at that instant, the rounds as they then stood, and its export files.
/// </summary>
public sealed record SnapshotInfo(
    string Id,
    DateTimeOffset At,
    string AtText,
    DateTimeOffset TakenAt,
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
    IReadOnlyList<FailedPiece> Failures);
