using Microsoft.Extensions.Options;
using Workflow.Application;
using Workflow.Email;

namespace Workflow.Host;

/// <summary>
/// The local host's outbox sender: runs <see cref="MailOutboxService.RunOnceAsync"/> at start (a restart after a crash
/// finishes what the crash left) and then every <see cref="EmailOptions.OutboxInterval"/>, or sooner when woken.
/// A failed run (storage down) is logged and tried again at the next interval.
/// </summary>
public sealed partial class MailOutboxWorker(MailOutboxService service, MailOutbox outbox, IOptions<EmailOptions> options, ILogger<MailOutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await service.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.RunFailed(logger, ex);
            }

            await outbox.WaitAsync(options.Value.OutboxInterval, stoppingToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "The mail outbox run failed; trying again at the next interval")]
        public static partial void RunFailed(ILogger logger, Exception exception);
    }
}
