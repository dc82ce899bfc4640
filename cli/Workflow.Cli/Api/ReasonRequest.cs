namespace Workflow.Cli.Api;

internal sealed record ReasonRequest(string Reason);
