using Workflow.Email;
using Workflow.MailSink;

namespace Workflow.Benchmarks;

/// <summary>
/// Row 4's mails at the sink, by level of the cycle that sent them (the dots in the cycle id: 0 the ministry, 1 a
/// province, 2 a commune) and kind (plan notice or reminder). The sink only appends, so each update reads the new ones.
/// </summary>
internal sealed class NationalMails(MailSinkServer sink, string top)
{
    private readonly List<DateTimeOffset>[] _notices = [[], [], []];
    private readonly List<DateTimeOffset>[] _reminders = [[], [], []];
    private int _read;

    /// <summary>Mails of the tree that are neither (none are expected: no deadline passes in the run).</summary>
    public int Others { get; private set; }

    public IReadOnlyList<DateTimeOffset> Notices(int level) => _notices[level];

    public IReadOnlyList<DateTimeOffset> Reminders(int level) => _reminders[level];

    public void Update()
    {
        var messages = sink.Recorder.Messages;
        for (; _read < messages.Count; _read++)
        {
            var mail = messages[_read];
            if (!mail.Accepted || !mail.CustomArgs.TryGetValue(SendGridMailer.MessageKeyArg, out var key) || !key.StartsWith(top, StringComparison.Ordinal)
                || key.Length == top.Length || key[top.Length] is not (':' or '.'))
            {
                continue;
            }

            var level = key.AsSpan(0, key.IndexOf(':', StringComparison.Ordinal)).Count('.');
            if (level < 3 && key.EndsWith(":plan:notice", StringComparison.Ordinal))
            {
                _notices[level].Add(mail.ReceivedAt);
            }
            else if (level < 3 && key.Contains(":reminder:", StringComparison.Ordinal))
            {
                _reminders[level].Add(mail.ReceivedAt);
            }
            else
            {
                Others++;
            }
        }
    }
}
