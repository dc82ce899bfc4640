namespace Workflow.MailSink;

/// <summary>Bound from the "MailSink" section, e.g. <c>--MailSink:JournalPath=/tmp/mails.jsonl</c>.</summary>
public sealed class MailSinkOptions
{
    public const string SectionName = "MailSink";

    /// <summary>When set, every recorded mail (one per personalization of an accepted request, one per refused request) is also appended to this file as one JSON line.</summary>
    public string? JournalPath { get; set; }
}
