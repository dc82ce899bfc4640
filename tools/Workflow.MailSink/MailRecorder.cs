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
    private int _failures;
    private int _failureStatus;
    private int _passesBeforeFailure;
    private int _lookupFailures;

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

    /// <summary>
    /// Answers <paramref name="requests"/> requests with <paramref name="status"/>, as a provider outage would, after
    /// letting <paramref name="after"/> requests through; for tests.
    /// </summary>
    public void FailNextRequests(int requests, int status = 503, int after = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        lock (_gate)
        {
            (_failures, _failureStatus, _passesBeforeFailure) = (requests, status, after);
        }
    }

    /// <summary>The status an injected failure answers this request with, if one is due.</summary>
    public int? TakeFailure()
    {
        lock (_gate)
        {
            if (_failures == 0)
            {
                return null;
            }

            if (_passesBeforeFailure > 0)
            {
                _passesBeforeFailure--;
                return null;
            }

            _failures--;
            return _failureStatus;
        }
    }

    /// <summary>Answers the next <paramref name="requests"/> activity lookups with 503, as when the activity API is unavailable; for tests.</summary>
    public void FailNextLookups(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        lock (_gate)
        {
            _lookupFailures = requests;
        }
    }

    public int? TakeLookupFailure()
    {
        lock (_gate)
        {
            if (_lookupFailures == 0)
            {
                return null;
            }

            _lookupFailures--;
            return 503;
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
