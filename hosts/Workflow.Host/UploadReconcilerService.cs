using Workflow.Storage;

namespace Workflow.Host;

/// <summary>
/// Runs the upload reconciler when the host starts (a crash may have left pending uploads behind) and then every
/// <see cref="StorageOptions.ReconcileInterval"/>. A failed run (storage down) is logged and retried at the next tick.
/// </summary>
public sealed partial class UploadReconcilerService(
    UploadReconciler reconciler,
    Microsoft.Extensions.Options.IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<UploadReconcilerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, time);
        do
        {
            try
            {
                var summary = await reconciler.RunAsync(stoppingToken);
                if (summary.Finished + summary.Swept > 0)
                {
                    Log.Reconciled(logger, summary.Finished, summary.Swept);
                }
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or IOException or HttpRequestException)
            {
                Log.Failed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Upload reconciler: finished {Finished} accepted upload(s), swept {Swept} abandoned one(s)")]
        public static partial void Reconciled(ILogger logger, int finished, int swept);

        [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Upload reconciler run failed; retrying at the next interval")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
