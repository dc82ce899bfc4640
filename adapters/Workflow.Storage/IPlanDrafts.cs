namespace Workflow.Storage;

/// <summary>
/// Plans being drafted in the editor, before any cycle: each save of a draft is a new numbered version, kept for good, so
/// an operator can go back to any of them. A draft's content is whatever JSON object the editor holds (it may not
/// validate yet); the caller checks that, the store keeps it byte for byte.
/// </summary>
public interface IPlanDrafts
{
    /// <summary>
    /// Stores <paramref name="content"/> as the draft's next version (the first creates the draft). Two saves racing each
    /// get their own number, none overwrites the other. Content identical to the latest version's stores nothing and
    /// answers that version (<see cref="PlanDraftWrite.Created"/> false).
    /// </summary>
    Task<PlanDraftWrite> SaveAsync(string draftId, BinaryData content, PlanDraftNote note, CancellationToken cancellationToken = default);

    /// <summary>The latest version of every draft, most recently saved first.</summary>
    Task<IReadOnlyList<PlanDraftVersion>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Every version of the draft, the latest first; empty when there is no such draft.</summary>
    Task<IReadOnlyList<PlanDraftVersion>> VersionsAsync(string draftId, CancellationToken cancellationToken = default);

    /// <summary>One version with its content; null when the draft or the version does not exist.</summary>
    Task<PlanDraftFile?> GetAsync(string draftId, int version, CancellationToken cancellationToken = default);
}
