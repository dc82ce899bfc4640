using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Workflow.MailSink;

/// <summary>Keeps every recorded mail in memory, in arrival order, and optionally appends it to a JSONL journal.</summary>
public sealed class MailRecorder(TimeProvider time, IOptions<MailSinkOptions> options)
{
    private static readonly JsonSerializerOptions JournalJson = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly List<RecordedMail> _messages = [];
    private long _sequence;
    private long _requests;

    public IReadOnlyList<RecordedMail> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// Records the mails of one request: <paramref name="create"/> gets the request's number and a source of
    /// mail numbers, under the lock, so both stay in arrival order.
    /// </summary>
    public IReadOnlyList<RecordedMail> Record(Func<long, Func<long>, IReadOnlyList<RecordedMail>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            var mails = create(++_requests, () => ++_sequence);
            _messages.AddRange(mails);
            if (options.Value.JournalPath is { Length: > 0 } path)
            {
                File.AppendAllLines(path, mails.Select(m => JsonSerializer.Serialize(m, JournalJson)));
            }

            return mails;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }
}
