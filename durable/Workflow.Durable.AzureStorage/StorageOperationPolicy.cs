using Azure.Core;
using Azure.Core.Pipeline;

namespace Workflow.Durable.AzureStorage;

/// <summary>Counts every request sent to storage (for metrics and the benchmark) and enforces a simulated kill.</summary>
internal sealed class StorageOperationPolicy(TaskHub hub) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        if (hub.Killed)
        {
            throw new SimulatedCrashException();
        }

        hub.CountStorageOperation();
    }
}
