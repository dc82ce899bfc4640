namespace Workflow.Cli.Api;

/// <summary>The filled file of a file-only form, sent as the part «form:{FormId}».</summary>
internal sealed record FormUpload(string FormId, string FileName, byte[] Content);
