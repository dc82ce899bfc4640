namespace Workflow.Cli.Api;

internal sealed record ExtensionAccepted(string Id, string Subject, string NewDeadlineText, string LastAcceptedText, IReadOnlyList<string> Units, bool DatesRound = false);
