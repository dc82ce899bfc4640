namespace Workflow.Application;

/// <summary>The filled file of a file-only form, sent with its report (multipart part «form:{FormId}»).</summary>
public sealed record FilledForm(string FormId, IncomingFile File);
