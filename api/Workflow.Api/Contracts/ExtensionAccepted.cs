namespace Workflow.Api.Contracts;

public sealed record ExtensionAccepted(string Id, string Subject, string NewDeadlineText, string LastAcceptedText, IReadOnlyList<string> Units);
