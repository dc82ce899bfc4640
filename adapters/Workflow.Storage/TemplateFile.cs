namespace Workflow.Storage;

/// <summary>An attached template with its content.</summary>
public sealed record TemplateFile(StoredTemplate Info, BinaryData Content);
