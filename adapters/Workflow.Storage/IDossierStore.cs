namespace Workflow.Storage;

/// <summary>
/// Accepted files, one immutable blob per version. Nothing is ever overwritten: every create is conditional on the
/// version not existing yet.
/// </summary>
public interface IDossierStore
{
    /// <summary>Stores the upload as the next free version.</summary>
    Task<DossierVersion> AddVersionAsync(SubmissionKey key, DossierUpload upload, CancellationToken cancellationToken = default);

    /// <summary>Stores the upload as exactly this version; null (and nothing changed) when the version already exists.</summary>
    Task<DossierVersion?> TryCreateVersionAsync(SubmissionKey key, int version, DossierUpload upload, CancellationToken cancellationToken = default);

    /// <summary>Every stored version, oldest first.</summary>
    Task<IReadOnlyList<DossierVersion>> ListVersionsAsync(SubmissionKey key, CancellationToken cancellationToken = default);

    /// <summary>One version with its content; null when it does not exist.</summary>
    Task<DossierFile?> DownloadAsync(SubmissionKey key, int version, CancellationToken cancellationToken = default);
}
