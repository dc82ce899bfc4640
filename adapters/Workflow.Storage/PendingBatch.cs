namespace Workflow.Storage;

/// <summary>
/// An upload under way: its files are stored as pending versions (invisible to units, lists and counts) until the
/// status row and the audit rows hold. The marker of a batch names what to finish or sweep if the writer dies.
/// <see cref="StartedAt"/> is the server's wall clock, so the reconciler can tell a stale batch from one in flight.
/// </summary>
public sealed record PendingBatch(
    SubmissionKey Key,
    string BatchId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> AttemptIds)
{
    /// <summary>The nominee row written once the files hold (a nomination dossier); its versions are filled then.</summary>
    public NomineeStatus? Nominee { get; init; }
}
