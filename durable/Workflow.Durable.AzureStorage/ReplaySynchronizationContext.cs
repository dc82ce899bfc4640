using System.Collections.Concurrent;

namespace Workflow.Durable.AzureStorage;

/// <summary>
/// Runs orchestrator continuations on the thread that applies history, one at a time and in order,
/// which is what makes replay deterministic.
/// </summary>
internal sealed class ReplaySynchronizationContext : SynchronizationContext
{
    // Concurrent only as a guard: orchestrator code that escapes to another thread must not corrupt the queue.
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _work = new();

    public override void Post(SendOrPostCallback d, object? state) => _work.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> and every continuation it causes; <paramref name="settle"/> may add more (returns true when it did).</summary>
    public void Run(Action action, Func<bool>? settle = null)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
            do
            {
                while (_work.TryDequeue(out var item))
                {
                    item.Callback(item.State);
                }
            }
            while (settle?.Invoke() == true);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
