namespace Workflow.Email;

/// <summary>The ledger's entry for one message key.</summary>
public sealed record MailRecord(
    string Key,
    MailState State,
    DateTimeOffset RecordedAt,
    DateTimeOffset? SentAt,
    string? ProviderMessageId,
    string Recipients,
    string Subject);
