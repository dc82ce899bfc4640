namespace Workflow.Cli.Api;

internal sealed record FieldError(string Field, string Message);
