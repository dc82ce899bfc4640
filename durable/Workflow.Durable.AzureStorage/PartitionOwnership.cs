using System.Collections.Concurrent;
using Azure;

namespace Workflow.Durable.AzureStorage;

/// <summary>A control partition this host holds the lease of, with the instances it has in memory.</summary>
internal sealed class PartitionOwnership(int index, ETag leaseETag) : IDisposable
{
    private readonly CancellationTokenSource _lost = new();

    public int Index => index;

    public ETag LeaseETag { get; set; } = leaseETag;

    public CancellationToken Token => _lost.Token;

    public ConcurrentDictionary<string, InstanceRunner> Runners { get; } = new(StringComparer.Ordinal);

    public InstanceRunner GetRunner(DurableTaskStorageWorker worker, string instanceId)
        => Runners.GetOrAdd(instanceId, id => new InstanceRunner(worker, this, id));

    public void Remove(InstanceRunner runner) => Runners.TryRemove(new KeyValuePair<string, InstanceRunner>(runner.InstanceId, runner));

    public void Release()
    {
        _lost.Cancel();
        foreach (var runner in Runners.Values)
        {
            runner.Retire();
        }

        Runners.Clear();
    }

    public void Dispose() => _lost.Dispose();
}
