namespace Workflow.Storage;

/// <summary>A stored version with its content, checked against the SHA-256 recorded when it was accepted.</summary>
public sealed record DossierFile(DossierVersion Version, BinaryData Content);
