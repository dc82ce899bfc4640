using Azure;

namespace Workflow.Email;

/// <summary>
/// The outbox's entry for one message key: its state, what an operator needs to see (recipients, subject, attempts,
/// last error), and what a sender needs to send it again (the stored content and this recipient's personalization).
/// </summary>
public sealed record MailRecord(
    string Key,
    MailState State,
    DateTimeOffset RecordedAt,
    DateTimeOffset? SentAt,
    string? ProviderMessageId,
    string Recipients,
    string Subject)
{
    /// <summary>Send attempts that certainly failed.</summary>
    public int Attempts { get; init; }

    /// <summary>When a queued key is next tried.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When the key was last claimed (or last checked with the provider) while pending.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    public string? LastError { get; init; }

    /// <summary>The stored template (subject, text, HTML); null for keys recorded before the outbox kept content.</summary>
    public string? ContentId { get; init; }

    public BatchRecipient? Recipient { get; init; }

    public ETag ETag { get; init; }
}
