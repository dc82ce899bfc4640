using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Application;

/// <summary>
/// The cycle's side of the mail outbox. An upload records a mail intent before it changes any state and settles it
/// (receipt or refusal handed to the outbox) after; the upload's answer never waits on SendGrid longer than
/// <see cref="EmailOptions.InlineSendTimeout"/> and never fails because of it. <see cref="RunOnceAsync"/>, called by
/// the host's sender loop (or a timer function), finishes intents a crash left behind from the upload's audit rows, then
/// lets <see cref="MailOutbox"/> deliver, retry and reconcile.
/// </summary>
public sealed partial class MailOutboxService(
    MailLedger ledger,
    MailOutbox outbox,
    CycleMail mail,
    IPlanStore plans,
    IStatusStore status,
    CycleClocks clocks,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<MailOutboxService> logger)
{
    public MailOutboxStatus Status => outbox.Status;

    /// <summary>Records that the upload of <paramref name="key"/> arriving at <paramref name="arrival"/> owes its mails.</summary>
    public async Task<MailIntent> IntendAsync(SubmissionKey key, DateTimeOffset arrival, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var intent = new MailIntent(key.CycleId, key.UnitId, key.SubjectId, arrival, Guid.NewGuid().ToString("N")) { RecordedAt = time.GetUtcNow() };
        await ledger.RecordIntentAsync(intent, cancellationToken);
        return intent;
    }

    /// <summary>
    /// Hands the receipts and refusals of an upload to the outbox (sending them now if SendGrid answers in time) and
    /// removes the intent. Never throws: whatever is left, the outbox finishes.
    /// </summary>
    public async Task SettleAsync(MailIntent intent, Plan plan, IReadOnlyList<UploadResult> results, bool rehearsal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        using var timeout = new CancellationTokenSource(options.Value.InlineSendTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await SendAsync(plan, results, rehearsal, linked.Token);
            await ledger.DeleteIntentAsync(intent, linked.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The intent stays: the outbox finishes it after its grace period.
            Log.SettleDeferred(logger, intent.CycleId, intent.UnitId, intent.SubjectId, ex.Message);
        }
    }

    /// <summary>One pass of the sender: finish stale intents, then deliver, retry and reconcile.</summary>
    public async Task<MailOutboxRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        foreach (var intent in await ledger.ListIntentsAsync(time.GetUtcNow() - options.Value.IntentGrace, cancellationToken))
        {
            try
            {
                await FinishAsync(intent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.IntentFailed(logger, intent.CycleId, intent.UnitId, intent.SubjectId, ex);
            }
        }

        return await outbox.DeliverAsync(cancellationToken);
    }

    /// <summary>The unsent mails of a cycle (queued, pending, failed), oldest first.</summary>
    public Task<IReadOnlyList<MailRecord>> ListAsync(string cycleId, CancellationToken cancellationToken = default) => outbox.ListAsync(cycleId, cancellationToken);

    public Task<MailRecord> ResendAsync(string key, CancellationToken cancellationToken = default) => outbox.ResendAsync(key, cancellationToken);

    /// <summary>
    /// An upload that ended (or died) without settling: every receipt or refusal its audit rows show from its arrival
    /// on is handed to the outbox. Keys are the receipt number or the attempt, so mails already sent are not sent again.
    /// </summary>
    private async Task FinishAsync(MailIntent intent, CancellationToken cancellationToken)
    {
        if (await plans.GetAsync(intent.CycleId, cancellationToken) is not { } plan)
        {
            await ledger.DeleteIntentAsync(intent, cancellationToken);
            return;
        }

        var key = new SubmissionKey(intent.CycleId, intent.UnitId, intent.SubjectId);
        var row = await status.GetAsync(key, cancellationToken);
        // Table Storage may keep instants to the millisecond only: a second's slack finds the upload's own rows.
        var audits = await status.ListAuditAsync(intent.CycleId, intent.SubjectId, intent.UnitId, cancellationToken);
        var results = audits
            .Where(a => a.ReceivedAt >= intent.Arrival.AddSeconds(-1) && a.Outcome is UploadOutcome.AcceptedOnTime or UploadOutcome.AcceptedLate or UploadOutcome.RejectedLate)
            .Select(a => new UploadResult(a.Outcome, key, a.AttemptId, a.ReceivedAt, row?.Deadline, row?.Cutoff, a.FileName, a.Size, a.Sha256, a.ReceiptNumber, a.Version, []) { FileNames = a.FileNames, Form = a.Form })
            .ToList();
        await SendAsync(plan, results, (await clocks.ClockAsync(intent.CycleId, cancellationToken)).IsRehearsal, cancellationToken);
        await ledger.DeleteIntentAsync(intent, cancellationToken);
        Log.IntentFinished(logger, intent.CycleId, intent.UnitId, intent.SubjectId, results.Count);
    }

    private async Task SendAsync(Plan plan, IReadOnlyList<UploadResult> results, bool rehearsal, CancellationToken cancellationToken)
    {
        // A report with filled forms is one submission: one receipt naming every file (the files of one arrival share it).
        var withForms = results.Where(r => r.Accepted).GroupBy(r => (r.Key, r.ReceivedAt)).Where(g => g.Any(r => r.Form is not null)).ToList();
        foreach (var submission in withForms)
        {
            await mail.SendReceiptAsync(plan, [.. submission], rehearsal, cancellationToken);
        }

        var together = new HashSet<UploadResult>(withForms.SelectMany(g => g), ReferenceEqualityComparer.Instance);
        foreach (var result in results.Where(r => !together.Contains(r)))
        {
            if (result.Accepted)
            {
                await mail.SendReceiptAsync(plan, result, rehearsal, cancellationToken);
            }
            else if (result.Outcome == UploadOutcome.RejectedLate)
            {
                await mail.SendRejectionAsync(plan, result, rehearsal, cancellationToken);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Upload mails of {CycleId}/{UnitId}/{SubjectId} were not settled inline ({Reason}); the outbox finishes them")]
        public static partial void SettleDeferred(ILogger logger, string cycleId, string unitId, string subjectId, string reason);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Finished the mail intent of {CycleId}/{UnitId}/{SubjectId} from its audit rows: {Mails} mails handed to the outbox")]
        public static partial void IntentFinished(ILogger logger, string cycleId, string unitId, string subjectId, int mails);

        [LoggerMessage(EventId = 3203, Level = LogLevel.Error, Message = "Could not finish the mail intent of {CycleId}/{UnitId}/{SubjectId}; trying again on the next run")]
        public static partial void IntentFailed(ILogger logger, string cycleId, string unitId, string subjectId, Exception exception);
    }
}
