namespace Workflow.MailSink;

/// <summary>
/// One e-mail as SendGrid would deliver it: an accepted request to <c>POST /v3/mail/send</c> is recorded once per
/// personalization, with that personalization's recipients, its substitutions applied to the subject and content,
/// and the top-level custom args merged with its own. A refused request is recorded once, as received, with every
/// address it named and the shape problems in <see cref="Errors"/>. <see cref="Sequence"/> numbers recorded mails,
/// <see cref="RequestSequence"/> the HTTP request each came in, so a test can count requests. <see cref="Body"/> is
/// the raw request body, except for a request of several personalizations, where it is that personalization's own
/// JSON (a 1,000-recipient body is not stored 1,000 times).
/// </summary>
public sealed record RecordedMail(
    long Sequence,
    long RequestSequence,
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

    /// <summary>The <c>X-Message-Id</c> the request was answered with; one per request, as SendGrid does.</summary>
    public string? MessageId => Accepted ? $"sink-{RequestSequence}" : null;
}
