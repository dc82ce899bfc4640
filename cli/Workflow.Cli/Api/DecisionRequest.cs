namespace Workflow.Cli.Api;

internal sealed record DecisionRequest(string Number, DateOnly SignedOn);
