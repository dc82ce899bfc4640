namespace Workflow.Cli.Api;

/// <summary>A template file of the plan as the host reports it after attaching it.</summary>
internal sealed record TemplateInfo(string File, string? FormTitle, bool Attached, long? Size);
