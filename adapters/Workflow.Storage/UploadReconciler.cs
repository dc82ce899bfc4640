using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// Finishes or sweeps uploads whose writer died between storing the files and making them visible. A batch whose
/// first audit row holds was accepted: its versions become visible and its nominee row is written. One without it
/// was never accepted: its pending files are deleted. Only batches older than the pending grace are touched, so an
/// upload in flight is left alone. Run by the host on an interval; safe to run twice at once.
/// </summary>
public sealed partial class UploadReconciler(
    IDossierStore dossiers,
    IStatusStore status,
    TimeProvider time,
    IOptions<StorageOptions> options,
    ILogger<UploadReconciler> logger)
{
    public async Task<ReconcileSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var finished = 0;
        var swept = 0;
        var stale = await dossiers.ListStaleBatchesAsync(time.GetUtcNow() - options.Value.PendingGrace, cancellationToken).ConfigureAwait(false);
        foreach (var batch in stale)
        {
            var committed = await status.GetAuditAsync(batch.Key, batch.ReceivedAt, batch.AttemptIds[0], cancellationToken).ConfigureAwait(false) is not null;
            if (committed)
            {
                if (batch.Nominee is { } nominee)
                {
                    var versions = await dossiers.ListPendingVersionsAsync(batch, cancellationToken).ConfigureAwait(false);
                    if (versions.Count > 0)
                    {
                        await UploadAcceptance.WriteNomineeAsync(status, nominee, batch.ReceivedAt, [.. versions.Select(v => v.Version)], cancellationToken).ConfigureAwait(false);
                    }
                }

                await dossiers.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
                finished++;
                Log.Finished(logger, batch.Key.ToString(), batch.BatchId);
            }
            else
            {
                await dossiers.DiscardAsync(batch, cancellationToken).ConfigureAwait(false);
                swept++;
                Log.Swept(logger, batch.Key.ToString(), batch.BatchId);
            }
        }

        return new ReconcileSummary(finished, swept);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Finished the accepted upload {Key} (batch {BatchId}) that its writer left pending")]
        public static partial void Finished(ILogger logger, string key, string batchId);

        [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Swept the pending files of {Key} (batch {BatchId}): the upload was never accepted")]
        public static partial void Swept(ILogger logger, string key, string batchId);
    }
}
