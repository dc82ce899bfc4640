namespace Workflow.Email;

public sealed record MailSendResult(string Key, MailSendOutcome Outcome, string? ProviderMessageId = null);
