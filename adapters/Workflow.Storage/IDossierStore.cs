namespace Workflow.Storage;

/// <summary>
/// Accepted files, one immutable blob per version. Nothing is ever overwritten: every create is conditional on the
/// version not existing yet. An upload's files are stored pending (invisible) and committed once the status and
/// audit rows hold, or discarded; the reconciler finishes or sweeps the batches of a writer that died.
/// </summary>
public interface IDossierStore
{
    /// <summary>Stores the upload as the next free version, accepted at once (no status row involved).</summary>
    Task<DossierVersion> AddVersionAsync(SubmissionKey key, DossierUpload upload, CancellationToken cancellationToken = default);

    /// <summary>Stores the upload as exactly this version; null (and nothing changed) when the version already exists.</summary>
    Task<DossierVersion?> TryCreateVersionAsync(SubmissionKey key, int version, DossierUpload upload, CancellationToken cancellationToken = default);

    /// <summary>Records a batch about to store pending versions, so it can be found if it is never committed.</summary>
    Task BeginAsync(PendingBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Stores the upload as the next free version, pending under <paramref name="batchId"/>: not listed, not downloadable.</summary>
    Task<DossierVersion> AddPendingVersionAsync(SubmissionKey key, DossierUpload upload, string batchId, int index, CancellationToken cancellationToken = default);

    /// <summary>Makes the batch's pending versions accepted ones and removes its marker; a second call changes nothing.</summary>
    Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Deletes the batch's pending versions and its marker; committed versions are never touched.</summary>
    Task DiscardAsync(PendingBatch batch, CancellationToken cancellationToken = default);

    /// <summary>The batch's versions still pending, in the order the batch stored them.</summary>
    Task<IReadOnlyList<DossierVersion>> ListPendingVersionsAsync(PendingBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Batches begun (by the server's wall clock) before <paramref name="startedBefore"/> and not yet committed or discarded.</summary>
    Task<IReadOnlyList<PendingBatch>> ListStaleBatchesAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken = default);

    /// <summary>Every accepted version, oldest first.</summary>
    Task<IReadOnlyList<DossierVersion>> ListVersionsAsync(SubmissionKey key, CancellationToken cancellationToken = default);

    /// <summary>One accepted version with its content; null when it does not exist or is still pending.</summary>
    Task<DossierFile?> DownloadAsync(SubmissionKey key, int version, CancellationToken cancellationToken = default);
}
