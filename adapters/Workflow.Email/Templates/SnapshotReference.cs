namespace Workflow.Email.Templates;

/// <summary>A consolidation snapshot as a mail cites it: its id and the business instant it was taken at.</summary>
public sealed record SnapshotReference(string Id, DateTimeOffset At);
