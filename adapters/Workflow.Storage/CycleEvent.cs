namespace Workflow.Storage;

/// <summary>
/// One line of a cycle's own history, written by its activities and the operator's commands: the timeline reads these
/// rather than the engine's history, so it is the same locally and on Durable Functions. <see cref="Key"/> makes a
/// retried write land on the same row. <see cref="At"/> is business time.
/// </summary>
public sealed record CycleEvent(string CycleId, string Key, DateTimeOffset At, string Kind, string Title, string? Detail);
