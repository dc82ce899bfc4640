namespace Workflow.Application;

/// <summary>A form's template file attached with the plan when a cycle starts, already checked by the caller.</summary>
public sealed record TemplateUpload(string FileName, BinaryData Content);
