namespace Workflow.Storage;

/// <summary>
/// The template files attached to a cycle for its forms ("Biểu mẫu 3", "Phụ lục"), under the names the plan declares.
/// Which names may be attached is the caller's rule (the plan's); the store keeps whatever name it is given, whole.
/// </summary>
public interface ITemplateStore
{
    /// <summary>Attaches the file, replacing an earlier one of the same name in one write: a reader sees the old file or the new, never part of one.</summary>
    Task<StoredTemplate> PutAsync(string cycleId, string fileName, BinaryData content, DateTimeOffset attachedAt, CancellationToken cancellationToken = default);

    /// <summary>The attached file with its content; null when none of this name is attached.</summary>
    Task<TemplateFile?> GetAsync(string cycleId, string fileName, CancellationToken cancellationToken = default);

    /// <summary>Every file attached to the cycle.</summary>
    Task<IReadOnlyList<StoredTemplate>> ListAsync(string cycleId, CancellationToken cancellationToken = default);
}
