namespace Workflow.Storage;

/// <summary>The stored version of the filled file a unit returned for a file-only form, with the report version that counts.</summary>
public sealed record FormFileVersion(string Form, int Version);
