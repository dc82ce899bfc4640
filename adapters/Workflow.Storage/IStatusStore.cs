namespace Workflow.Storage;

/// <summary>
/// Status, nominee and audit rows in Table Storage. Every change is read–modify–write under an ETag: a writer that
/// loses a race re-reads and re-applies its change, never overwrites blindly.
/// </summary>
public interface IStatusStore
{
    /// <summary>
    /// Names the cycle's receipt series: the configured prefix and a code of the cycle's own, reserved so no other
    /// cycle shares it (e.g. "BG" gives "BG-K7Q2", whose receipts read "BG-K7Q2-M4X9TA"). A second call keeps the first.
    /// </summary>
    Task<string> EnsureCycleAsync(string cycleId, string receiptPrefix, CancellationToken cancellationToken = default);

    /// <summary>Records the cycle's business clock (live, sliding or stepped) where the upload boundary reads it; the latest write wins.</summary>
    Task SetClockAsync(string cycleId, BusinessClock clock, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a stepped rehearsal's clock on to <paramref name="at"/>, never back: an advance written beside the cycle's own
    /// stand (a sub-cycle with nothing due) must not be undone by a stand that arrives after it. Returns the clock as it
    /// then stands; null when the cycle has no clock, and a clock that is not stepped is returned unchanged.
    /// </summary>
    Task<BusinessClock?> StandClockAsync(string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The cycle's business clock, or null for a cycle recorded before clocks were stored (it runs live).</summary>
    Task<BusinessClock?> GetClockAsync(string cycleId, CancellationToken cancellationToken = default);

    /// <summary>The rows of the named units for one deliverable or round, read by key ranges; absent units are left out.</summary>
    Task<IReadOnlyList<DeliverableStatus>> GetManyAsync(string cycleId, string subjectId, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// A new receipt number of the cycle for one upload attempt: the cycle's prefix and a random code reserved by
    /// inserting its own row, so numbers are unique in the cycle without a counter every upload contends for.
    /// </summary>
    Task<string> NextReceiptNumberAsync(SubmissionKey key, string attemptId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a nomination id in a round for a unit; the first claim stands. Returns the owner: <paramref name="unitId"/>
    /// when the id is (now or already) this unit's, another unit's id when it was taken.
    /// </summary>
    Task<string> ClaimNominationAsync(string cycleId, string roundId, string nominationId, string unitId, CancellationToken cancellationToken = default);

    /// <summary>Inserts the rows that do not exist yet (batches of at most 100); existing rows are left alone. Returns how many were new.</summary>
    Task<int> SeedAsync(IEnumerable<DeliverableStatus> rows, CancellationToken cancellationToken = default);

    Task<DeliverableStatus?> GetAsync(SubmissionKey key, CancellationToken cancellationToken = default);

    /// <summary>All units' rows for one deliverable or round.</summary>
    Task<IReadOnlyList<DeliverableStatus>> ListAsync(string cycleId, string subjectId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> to the current row under its ETag, retrying on a lost race. The
    /// <paramref name="audits"/> (at most 99) are inserted in the same transaction, so the rows never disagree.
    /// </summary>
    Task<DeliverableStatus> UpdateAsync(SubmissionKey key, Func<DeliverableStatus, DeliverableStatus> change, IReadOnlyCollection<UploadAudit>? audits = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts one schedule point's mail on each given row (read just before), in transactions of at most 100, touching
    /// only the reminder columns so a concurrent upload's change survives; a row already counted for the point is left alone.
    /// </summary>
    Task RecordRemindersAsync(IReadOnlyList<DeliverableStatus> rows, string pointKey, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>Records a line of the cycle's history once per key (a retried write changes nothing).</summary>
    Task AppendCycleEventAsync(CycleEvent cycleEvent, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CycleEvent>> ListCycleEventsAsync(string cycleId, CancellationToken cancellationToken = default);

    Task AppendAuditAsync(UploadAudit audit, CancellationToken cancellationToken = default);

    /// <summary>One audit row, by the attempt's arrival and id; null when it was never written.</summary>
    Task<UploadAudit?> GetAuditAsync(SubmissionKey key, DateTimeOffset receivedAt, string attemptId, CancellationToken cancellationToken = default);

    /// <summary>Audit rows for a deliverable or round, optionally one unit's, in arrival order.</summary>
    Task<IReadOnlyList<UploadAudit>> ListAuditAsync(string cycleId, string subjectId, string? unitId = null, CancellationToken cancellationToken = default);

    /// <summary>Creates or changes a nominee row under its ETag; <paramref name="change"/> gets null when the row is new.</summary>
    Task<NomineeStatus> UpdateNomineeAsync(string cycleId, string roundId, string nominationId, Func<NomineeStatus?, NomineeStatus> change, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NomineeStatus>> ListNomineesAsync(string cycleId, string roundId, CancellationToken cancellationToken = default);
}
