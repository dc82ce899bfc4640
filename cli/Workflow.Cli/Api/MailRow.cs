namespace Workflow.Cli.Api;

/// <summary>An undelivered mail as <c>GET /api/cycles/{id}/mails</c> lists it.</summary>
internal sealed record MailRow(
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
