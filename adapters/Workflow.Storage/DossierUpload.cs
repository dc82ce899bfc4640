namespace Workflow.Storage;

/// <summary>An accepted file about to become a new dossier version; the name is already sanitised.</summary>
public sealed record DossierUpload(
    string FileName,
    string ContentType,
    BinaryData Content,
    string ReceiptNumber,
    DateTimeOffset ReceivedAt,
    bool Late);
