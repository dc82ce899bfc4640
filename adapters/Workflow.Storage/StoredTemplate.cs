namespace Workflow.Storage;

/// <summary>A template file attached to a cycle: its declared name, size, checksum and when it was (last) attached.</summary>
public sealed record StoredTemplate(string FileName, long Size, string Sha256, DateTimeOffset AttachedAt);
