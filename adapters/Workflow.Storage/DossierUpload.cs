namespace Workflow.Storage;

/// <summary>An accepted file about to become a new dossier version; the name is already sanitised.</summary>
public sealed record DossierUpload(
    string FileName,
    string ContentType,
    BinaryData Content,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    bool Late)
{
    /// <summary>The file-only form the file fills; null for a report or a dossier document.</summary>
    public string? Form { get; init; }
}
