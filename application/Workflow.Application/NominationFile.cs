namespace Workflow.Application;

/// <summary>One document of a nomination dossier: which required document it is, its line count where limited, the file.</summary>
public sealed record NominationFile(string DocumentId, int? LineCount, IncomingFile File);
