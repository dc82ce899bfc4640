using Microsoft.Azure.Functions.Worker;
using Workflow.Storage;

namespace Workflow.Functions;

/// <summary>
/// The stray-upload sweep on Azure Functions: the same <see cref="UploadReconciler.RunAsync"/> the local host runs every
/// <c>Storage:ReconcileInterval</c>, every five minutes and at start-up, so a restart finishes or sweeps what a crash left.
/// Only uploads older than <c>Storage:PendingGrace</c> are touched, so it never races a writer still at work.
/// </summary>
public sealed class UploadReconcilerFunctions(UploadReconciler reconciler)
{
    [Function("UploadReconciler")]
    public Task Run([TimerTrigger("0 */5 * * * *", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken)
        => reconciler.RunAsync(cancellationToken);
}
