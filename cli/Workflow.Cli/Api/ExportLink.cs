namespace Workflow.Cli.Api;

internal sealed record ExportLink(string Name, string Url);
