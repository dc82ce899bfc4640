namespace Workflow.Application;

/// <summary>A file as it arrives: its claimed name and type and its content, read once.</summary>
public sealed record IncomingFile(string? FileName, string? ContentType, Stream Content);
