namespace Workflow.Cli.Api;

internal sealed record OperatorRequest(string Name, string Role, string Scope);
