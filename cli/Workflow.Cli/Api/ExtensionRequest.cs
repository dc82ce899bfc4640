namespace Workflow.Cli.Api;

internal sealed record ExtensionRequest(string Subject, NewDeadline NewDeadline, IReadOnlyList<string> Units, string RequestedBy, string Reason);
