namespace Workflow.Api.Contracts;

/// <summary>
/// A mail not yet delivered: <c>queued</c> (waiting for a retry at <see cref="NextAttemptAt"/>), <c>pending</c> (its send
/// was not confirmed; the outbox asks the provider) or <c>failed</c> (waits for an operator's resend).
/// </summary>
public sealed record MailRow(
    string Key,
    string State,
    string StateText,
    string Recipients,
    string Subject,
    DateTimeOffset RecordedAt,
    string RecordedAtText,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? NextAttemptText,
    string? LastError);
