namespace Workflow.Api.Contracts;

public sealed record ExportLink(string Name, string Url);
