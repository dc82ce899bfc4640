using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Email;

/// <summary>
/// Delivers what the outbox table holds: queued keys when due (with doubling backoff, then failed), and pending keys
/// whose send was never confirmed (a crash, a lost response) once <see cref="EmailOptions.PendingGrace"/> has passed:
/// SendGrid's activity is asked by <c>message_key</c>, and the key is marked sent if SendGrid has it, or requeued and
/// sent once if not. Every move is under the row's ETag, so concurrent senders never send a key twice. Operators list
/// unsent keys and resend them. A host calls <see cref="DeliverAsync"/> periodically (and <see cref="Wake"/> makes it
/// run sooner).
/// </summary>
public sealed partial class MailOutbox(MailLedger ledger, SendGridTransport transport, TimeProvider time, IOptions<EmailOptions> options, ILogger<MailOutbox> logger)
{
    private const int TakeConcurrency = 8;

    private readonly SemaphoreSlim _wake = new(0, 1);
    private MailOutboxStatus _status = MailOutboxStatus.NotRun;
    private LastError? _lastError;

    /// <summary>The outbox as the last run saw it; read without I/O (for /api/health).</summary>
    public MailOutboxStatus Status => Volatile.Read(ref _status);

    /// <summary>Asks the host's sender loop to run now rather than at its next interval.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    /// <summary>Waits for <see cref="Wake"/> or the interval, on the injected clock.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(interval, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _wake.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed.
        }
    }

    /// <summary>One pass: reconcile stale pending keys, send the due queued ones, refresh <see cref="Status"/>.</summary>
    public async Task<MailOutboxRun> DeliverAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var unsent = await ledger.ListUnsentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        int confirmed = 0, requeued = 0;
        var due = unsent.Where(r => r.State == MailState.Queued && r.DueAt <= now).ToList();
        foreach (var stale in unsent.Where(r => r.State == MailState.Pending && r.ClaimedAt <= now - options.Value.PendingGrace))
        {
            switch (await ReconcileAsync(stale, force: false, cancellationToken).ConfigureAwait(false))
            {
                case MailState.Sent:
                    confirmed++;
                    break;
                case MailState.Queued when await ledger.GetAsync(stale.Key, cancellationToken).ConfigureAwait(false) is { State: MailState.Queued } fresh:
                    requeued++;
                    due.Add(fresh);
                    break;
            }
        }

        var taken = new List<(MailRecord Record, ClaimedKey Claim)>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = TakeConcurrency, CancellationToken = cancellationToken }, async (record, token) =>
        {
            if (await ledger.TryTakeAsync(record, now, token).ConfigureAwait(false) is { } etag)
            {
                lock (taken)
                {
                    taken.Add((record, new ClaimedKey(record.Key, etag)));
                }
            }
        }).ConfigureAwait(false);

        var results = new List<MailSendResult>();
        foreach (var group in taken.GroupBy(t => t.Record.ContentId ?? ""))
        {
            var content = group.Key.Length == 0 ? null : await ledger.GetContentAsync(group.Key, cancellationToken).ConfigureAwait(false);
            var sendable = group.Where(t => t.Record.Recipient is not null).ToList();
            var unsendable = group.Where(t => content is null || t.Record.Recipient is null).Select(t => t.Claim).ToList();
            if (unsendable.Count > 0)
            {
                // Recorded before the outbox kept content: nothing to send it from; an operator decides.
                await ledger.QueueManyAsync(unsendable, group.First().Record.Attempts, null, "Không còn nội dung thư để gửi lại (ghi nhận trước khi có hàng đợi thư).", CancellationToken.None).ConfigureAwait(false);
                results.AddRange(unsendable.Select(k => new MailSendResult(k.Key, MailSendOutcome.Failed)));
            }

            if (content is not null && sendable.Count > 0)
            {
                results.AddRange(await SendClaimedAsync(content, [.. sendable.Select(t => new OutboxItem(t.Record.Recipient!, t.Claim, t.Record.Attempts))], cancellationToken).ConfigureAwait(false));
            }
        }

        var run = new MailOutboxRun(
            results.Count(r => r.Outcome == MailSendOutcome.Sent), results.Count(r => r.Outcome == MailSendOutcome.Queued), results.Count(r => r.Outcome == MailSendOutcome.Failed), confirmed, requeued);
        if (run != new MailOutboxRun(0, 0, 0, 0, 0))
        {
            Log.Ran(logger, run.Sent, run.Retrying, run.Failed, run.Confirmed, run.Requeued);
        }

        await RefreshStatusAsync(cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>The unsent keys of one cycle (queued, pending, failed), oldest first.</summary>
    public Task<IReadOnlyList<MailRecord>> ListAsync(string cycleId, CancellationToken cancellationToken = default) =>
        ledger.ListUnsentAsync(cycleId, cancellationToken);

    /// <summary>
    /// An operator's resend: a failed or queued key is queued to go now (attempts start again); a pending key older than
    /// the grace is checked with the provider first (sent if SendGrid has it, requeued otherwise, or requeued on the
    /// operator's word when SendGrid cannot be asked). A key already sent, or pending within the grace (its send may
    /// still be in flight), is refused. Returns the record as it now stands.
    /// </summary>
    public async Task<MailRecord> ResendAsync(string key, CancellationToken cancellationToken = default)
    {
        var record = await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"No message key '{key}'.");
        var now = time.GetUtcNow();
        var moved = record.State switch
        {
            MailState.Sent => throw new InvalidOperationException($"Thư «{key}» đã được gửi; không gửi lại."),
            MailState.Pending when record.ClaimedAt > now - options.Value.PendingGrace => throw new InvalidOperationException(
                $"Thư «{key}» đang được gửi; chỉ gửi lại được sau {options.Value.PendingGrace.TotalMinutes:0} phút kể từ lúc bắt đầu gửi."),
            MailState.Pending => await ReconcileAsync(record, force: true, cancellationToken).ConfigureAwait(false) is not null,
            _ => await ledger.TryMoveAsync(record, MailState.Queued, now, "Cán bộ vận hành yêu cầu gửi lại.", resetAttempts: true, cancellationToken).ConfigureAwait(false),
        };
        if (!moved)
        {
            throw new InvalidOperationException($"Thư «{key}» vừa được xử lý đồng thời; hãy tải lại danh sách.");
        }

        Wake();
        return await ledger.GetAsync(key, cancellationToken).ConfigureAwait(false) ?? record;
    }

    /// <summary>
    /// Sends keys this caller holds as pending, in requests of at most 1,000: delivered ones are marked sent; after a
    /// request that certainly failed, that request's keys and every later one are queued (or failed) without being
    /// tried; a request with an unknown result leaves its keys pending for reconciliation.
    /// </summary>
    internal async Task<IReadOnlyList<MailSendResult>> SendClaimedAsync(MailContent template, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        var results = new List<MailSendResult>(items.Count);
        TransportResult? outage = null;
        var requests = items.Chunk(SendGridTransport.MaxPersonalizationsPerRequest).ToList();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            TransportResult result;
            try
            {
                result = outage ?? await transport.SendAsync(template, [.. request.Select(r => r.Recipient)], cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Cancelled before or while sending: this request's keys stay pending (the send may have left), later ones go back to the queue.
                var never = requests.Skip(i + 1).SelectMany(r => r).ToList();
                await ledger.QueueManyAsync([.. never.Select(n => n.Claim)], 0, time.GetUtcNow(), "Việc gửi bị dừng giữa chừng.", CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            var now = time.GetUtcNow();
            if (result.Delivered)
            {
                await ledger.MarkSentManyAsync([.. request.Select(r => r.Claim)], now, result.ProviderMessageId, CancellationToken.None).ConfigureAwait(false);
                results.AddRange(request.Select(r => new MailSendResult(r.Recipient.Key, MailSendOutcome.Sent, result.ProviderMessageId)));
                Log.Sent(logger, request.Length, request[0].Recipient.Key, result.ProviderMessageId);
                if (outage is null)
                {
                    _lastError = null;
                }
            }
            else if (result.CertainlyNotDelivered)
            {
                // Keys queued without being tried keep their attempt count.
                var tried = outage is null;
                outage = result;
                _lastError = new LastError(result.Error ?? "", now);
                foreach (var group in request.GroupBy(r => tried ? r.Attempts + 1 : r.Attempts))
                {
                    var dueAt = MailRetryPolicy.NextAttempt(Math.Max(group.Key, 1), result, now, options.Value);
                    await ledger.QueueManyAsync([.. group.Select(r => r.Claim)], group.Key, dueAt, result.Error ?? "", CancellationToken.None).ConfigureAwait(false);
                    results.AddRange(group.Select(r => new MailSendResult(r.Recipient.Key, dueAt is null ? MailSendOutcome.Failed : MailSendOutcome.Queued)));
                }

                if (tried)
                {
                    Log.NotDelivered(logger, request.Length, request[0].Recipient.Key, result.Error);
                }
            }
            else
            {
                _lastError = new LastError(result.Error ?? "", now);
                results.AddRange(request.Select(r => new MailSendResult(r.Recipient.Key, MailSendOutcome.PendingUnconfirmed)));
                Log.Unconfirmed(logger, request.Length, request[0].Recipient.Key, result.Error);
            }
        }

        return results;
    }

    /// <summary>Settles a pending key with the provider's word; returns the state it moved to, or null when someone else moved it first.</summary>
    private async Task<MailState?> ReconcileAsync(MailRecord record, bool force, CancellationToken cancellationToken)
    {
        var (found, messageId) = await transport.LookupAsync(record.Key, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        switch (found)
        {
            case ProviderLookup.Found:
                try
                {
                    await ledger.MarkSentManyAsync([new ClaimedKey(record.Key, record.ETag)], now, messageId ?? "xac-nhan-qua-nha-cung-cap", cancellationToken).ConfigureAwait(false);
                }
                catch (Azure.RequestFailedException ex) when (ex.Status is 412 or 404)
                {
                    return null;
                }

                Log.Confirmed(logger, record.Key);
                return MailState.Sent;
            case ProviderLookup.NotFound:
                Log.Requeued(logger, record.Key);
                return await ledger.TryMoveAsync(record, MailState.Queued, now, "Gửi chưa được xác nhận và nhà cung cấp không có thư này: gửi lại.", cancellationToken: cancellationToken).ConfigureAwait(false)
                    ? MailState.Queued : null;
            default:
                _lastError = new LastError("Không tra cứu được nhật ký gửi thư của nhà cung cấp.", now);
                if (force)
                {
                    return await ledger.TryMoveAsync(record, MailState.Queued, now, "Cán bộ vận hành yêu cầu gửi lại khi chưa tra cứu được nhà cung cấp.", cancellationToken: cancellationToken).ConfigureAwait(false)
                        ? MailState.Queued : null;
                }

                // Checked again after another grace period; an operator can resend it meanwhile.
                return await ledger.TryMoveAsync(record, MailState.Pending, now, "Chưa xác nhận được đã gửi: không tra cứu được nhà cung cấp.", cancellationToken: cancellationToken).ConfigureAwait(false)
                    ? MailState.Pending : null;
        }
    }

    private async Task RefreshStatusAsync(CancellationToken cancellationToken)
    {
        var unsent = await ledger.ListUnsentAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var error = _lastError;
        Volatile.Write(ref _status, new MailOutboxStatus(
            time.GetUtcNow(),
            unsent.Count(r => r.State == MailState.Queued),
            unsent.Count(r => r.State == MailState.Pending),
            unsent.Count(r => r.State == MailState.Failed),
            unsent.Count > 0 ? unsent.Min(r => r.RecordedAt) : null,
            error?.Message,
            error?.At));
    }

    private sealed record LastError(string Message, DateTimeOffset At);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Sent {Count} e-mails from {FirstKey} as {ProviderMessageId}")]
        public static partial void Sent(ILogger logger, int count, string firstKey, string? providerMessageId);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{Count} e-mails from {FirstKey} were not delivered and are queued for a retry: {Error}")]
        public static partial void NotDelivered(ILogger logger, int count, string firstKey, string? error);

        [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "{Count} e-mails from {FirstKey} may or may not have gone out; they stay pending until the provider is asked: {Error}")]
        public static partial void Unconfirmed(ILogger logger, int count, string firstKey, string? error);

        [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Pending e-mail {Key} is in the provider's activity: marked sent without resending")]
        public static partial void Confirmed(ILogger logger, string key);

        [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Pending e-mail {Key} is not in the provider's activity: queued to be sent once")]
        public static partial void Requeued(ILogger logger, string key);

        [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Outbox run: {Sent} sent, {Retrying} to retry, {Failed} failed, {Confirmed} confirmed by the provider, {Requeued} requeued")]
        public static partial void Ran(ILogger logger, int sent, int retrying, int failed, int confirmed, int requeued);
    }
}
