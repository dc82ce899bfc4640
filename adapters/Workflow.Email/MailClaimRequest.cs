namespace Workflow.Email;

/// <summary>
/// A key to record as pending before its send, with what an operator needs to see about it and, when
/// <see cref="ContentId"/> and <see cref="Recipient"/> are given, what the outbox needs to send it again.
/// </summary>
public sealed record MailClaimRequest(string Key, string Recipients, string Subject)
{
    public string? ContentId { get; init; }

    public BatchRecipient? Recipient { get; init; }
}
