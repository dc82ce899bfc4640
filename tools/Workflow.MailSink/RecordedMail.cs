namespace Workflow.MailSink;

/// <summary>
/// One request to <c>POST /v3/mail/send</c> as received: the raw headers (the API key redacted) and body, what was
/// parsed from it, and the status it was answered with. <see cref="Errors"/> lists the shape problems found.
/// </summary>
public sealed record RecordedMail(
    long Sequence,
    DateTimeOffset ReceivedAt,
    int Status,
    IReadOnlyList<string> Errors,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string? Subject,
    IReadOnlyDictionary<string, string> CustomArgs,
    string? Text,
    string? Html)
{
    public bool Accepted => Status == 202;
}
