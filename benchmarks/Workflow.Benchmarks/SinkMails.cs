using Workflow.Email;
using Workflow.MailSink;

namespace Workflow.Benchmarks;

/// <summary>The sink's accepted mails of one cycle, by the message key each carries (custom arg <c>message_key</c>).</summary>
internal static class SinkMails
{
    public static IReadOnlyList<(string Key, DateTimeOffset ReceivedAt, long Request)> Of(MailSinkServer sink, string cycleId) =>
        [.. sink.Recorder.Messages
            .Where(m => m.Accepted && m.CustomArgs.TryGetValue(SendGridMailer.MessageKeyArg, out var key) && key.StartsWith(cycleId + ":", StringComparison.Ordinal))
            .Select(m => (m.CustomArgs[SendGridMailer.MessageKeyArg], m.ReceivedAt, m.RequestSequence))];
}
