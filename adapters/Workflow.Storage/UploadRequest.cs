namespace Workflow.Storage;

/// <summary>A file as a unit sent it: the name and type are the client's claims and are checked, never trusted.</summary>
public sealed record UploadRequest(SubmissionKey Key, string? FileName, string? ContentType, Stream Content);
