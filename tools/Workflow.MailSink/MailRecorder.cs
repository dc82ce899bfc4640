using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Workflow.MailSink;

/// <summary>Keeps every recorded request in memory, in arrival order, and optionally appends it to a JSONL journal.</summary>
public sealed class MailRecorder(TimeProvider time, IOptions<MailSinkOptions> options)
{
    private static readonly JsonSerializerOptions JournalJson = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly List<RecordedMail> _messages = [];
    private long _sequence;

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

    public RecordedMail Record(Func<long, RecordedMail> create)
    {
        lock (_gate)
        {
            var mail = create(++_sequence);
            _messages.Add(mail);
            if (options.Value.JournalPath is { Length: > 0 } path)
            {
                File.AppendAllText(path, JsonSerializer.Serialize(mail, JournalJson) + "\n");
            }

            return mail;
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
