namespace Workflow.Domain.Nominations;

/// <summary>A stored copy of the decision behind an achievement record: where it lies, what it was called, its digest.</summary>
public sealed record EvidenceFile(string BlobName, string FileName, string Sha256);
