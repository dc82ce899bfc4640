using Microsoft.Azure.Functions.Worker;
using Workflow.Application;

namespace Workflow.Functions;

/// <summary>
/// The outbox sender on Azure Functions: the same <see cref="MailOutboxService.RunOnceAsync"/> the local host's loop
/// runs, every minute (and at start-up, so a restart finishes what a crash left). The timer is a singleton across
/// instances; the outbox's ETag moves would keep concurrent runs from sending a key twice anyway.
/// </summary>
public sealed class MailOutboxFunctions(MailOutboxService outbox)
{
    [Function("MailOutbox")]
    public Task Run([TimerTrigger("0 */1 * * * *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken)
        => outbox.RunOnceAsync(cancellationToken);
}
