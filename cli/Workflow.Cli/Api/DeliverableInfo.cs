namespace Workflow.Cli.Api;

internal sealed record DeliverableInfo(string Id, string Title, string? DeadlineText, string? LastAcceptedText, string? LatePolicy, bool Optional = false);
