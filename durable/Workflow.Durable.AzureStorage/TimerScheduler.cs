namespace Workflow.Durable.AzureStorage;

/// <summary>
/// Durable timers live in history; this keeps the pending ones in memory and wakes the owning instance when
/// the injected clock reaches them (so a fake clock drives them in tests, and no queue delay limit applies).
/// </summary>
internal sealed class TimerScheduler(TimeProvider time) : IDisposable
{
    // System timers cannot wait longer than about 49 days; long timers are re-armed in steps.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private readonly PriorityQueue<(InstanceRunner Runner, string ExecutionId, int Id), DateTime> _queue = new();
    private readonly Lock _lock = new();
    private CancellationTokenSource _wake = new();
    private DateTime _waitingUntil = DateTime.MaxValue;

    public void Schedule(InstanceRunner runner, string executionId, int id, DateTime fireAt)
    {
        lock (_lock)
        {
            _queue.Enqueue((runner, executionId, id), fireAt);
            if (fireAt < _waitingUntil)
            {
                _wake.Cancel();
            }
        }
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan delay;
            CancellationToken wake;
            lock (_lock)
            {
                var now = time.GetUtcNow().UtcDateTime;
                while (_queue.TryPeek(out var entry, out var due) && due <= now)
                {
                    _queue.Dequeue();
                    if (!entry.Runner.Retired)
                    {
                        entry.Runner.Post(new WorkItem(WorkKind.TimerDue) { ExecutionId = entry.ExecutionId, TaskId = entry.Id });
                    }
                }

                if (_queue.TryPeek(out _, out var next))
                {
                    // Round up so the wait never ends before the due instant.
                    delay = TimeSpan.FromMilliseconds(Math.Ceiling((next - now).TotalMilliseconds));
                    if (delay > MaxWait)
                    {
                        delay = MaxWait;
                    }

                    _waitingUntil = next;
                }
                else
                {
                    delay = MaxWait;
                    _waitingUntil = DateTime.MaxValue;
                }

                if (_wake.IsCancellationRequested)
                {
                    _wake.Dispose();
                    _wake = new CancellationTokenSource();
                }

                wake = _wake.Token;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, wake);
            try
            {
                await Task.Delay(delay, time, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Woken by an earlier timer or by shutdown; the loop condition tells which.
            }
        }
    }

    public void Dispose() => _wake.Dispose();
}
