using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Workflow.Durable.AzureStorage;

/// <summary>The context handed to orchestrator code; every decision it records is keyed by a sequence number.</summary>
internal sealed class OrchestrationContextImpl(TaskName name, string instanceId, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    // Namespace of the name-based (v5) GUIDs, as in DTFx.
    private static readonly Guid GuidNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    private readonly LinkedList<(string Name, string? Data)> _bufferedEvents = new();
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(CancellationToken Token, Action Cancel, Func<bool> Ended)> _cancellable = [];
    private int _nextId;
    private int _guidCounter;

    public override TaskName Name => name;

    public override string InstanceId => instanceId;

    public override bool IsReplaying => Replaying;

    public override DateTime CurrentUtcDateTime => Now;

    internal bool Replaying { get; set; }

    internal DateTime Now { get; set; }

    internal string? Input { get; set; }

    internal string? CustomStatus { get; private set; }

    internal bool HasContinueAsNew { get; private set; }

    internal string? ContinueAsNewInput { get; private set; }

    internal bool PreserveUnprocessedEvents { get; private set; }

    /// <summary>Actions not yet matched with a recorded scheduling event: during replay a mismatch, afterwards new work.</summary>
    internal Dictionary<int, OrchestratorAction> OpenActions { get; } = [];

    internal Dictionary<int, TaskCompletionSource<TaskOutcome>> OpenTasks { get; } = [];

    internal IEnumerable<(string Name, string? Data)> UnprocessedEvents => _bufferedEvents;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T? GetInput<T>()
        where T : default
        => JsonDataConverter.Default.Deserialize<T>(Input);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
        => WithRetry(options, () => ScheduleAsync<TResult>(ActionKind.CallActivity, name, input, null));

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var explicitId = (options as SubOrchestrationOptions)?.InstanceId;
        return WithRetry(options, () => ScheduleAsync<TResult>(ActionKind.CallSubOrchestrator, orchestratorName, input, explicitId ?? $"{InstanceId}:{NewGuid():N}"));
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var utc = fireAt.Kind switch
        {
            DateTimeKind.Local => fireAt.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(fireAt, DateTimeKind.Utc),
            _ => fireAt,
        };
        var id = _nextId++;
        var completion = new TaskCompletionSource<TaskOutcome>();
        OpenTasks[id] = completion;
        OpenActions[id] = new OrchestratorAction(ActionKind.CreateTimer, id, null, null, utc, null);
        if (cancellationToken.CanBeCanceled)
        {
            Watch(
                cancellationToken,
                () =>
                {
                    if (OpenTasks.Remove(id))
                    {
                        completion.TrySetCanceled(cancellationToken);
                    }
                },
                () => completion.Task.IsCompleted);
        }

        return completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        for (var node = _bufferedEvents.First; node is not null; node = node.Next)
        {
            if (string.Equals(node.Value.Name, eventName, StringComparison.OrdinalIgnoreCase))
            {
                _bufferedEvents.Remove(node);
                return Task.FromResult(JsonDataConverter.Default.Deserialize<T>(node.Value.Data)!);
            }
        }

        if (!_waiters.TryGetValue(eventName, out var waiters))
        {
            waiters = new LinkedList<TaskCompletionSource<string?>>();
            _waiters[eventName] = waiters;
        }

        var waiter = new TaskCompletionSource<string?>();
        var waiterNode = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            Watch(
                cancellationToken,
                () =>
                {
                    if (waiterNode.List is not null)
                    {
                        waiters.Remove(waiterNode);
                        waiter.TrySetCanceled(cancellationToken);
                    }
                },
                () => waiter.Task.IsCompleted);
        }

        return ConvertEvent<T>(waiter.Task);
    }

    public override void SetCustomStatus(object? customStatus) => CustomStatus = JsonDataConverter.Default.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        HasContinueAsNew = true;
        ContinueAsNewInput = JsonDataConverter.Default.Serialize(newInput);
        PreserveUnprocessedEvents = preserveUnprocessedEvents;
    }

    public override Guid NewGuid()
    {
        var name = $"{InstanceId}_{CurrentUtcDateTime:o}_{_guidCounter++}";
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        GuidNamespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
#pragma warning disable CA5350 // UUID v5 is defined on SHA-1; this is an identifier, not a security boundary.
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>
    /// Cancels the timers and event waits whose token was cancelled; called on the replay thread whenever the
    /// orchestrator yields. Tokens are polled instead of registered because a registration would make
    /// <c>CancelAsync()</c> run its callbacks on the thread pool, outside replay; without one it completes inline.
    /// </summary>
    internal bool ApplyCancellations()
    {
        var any = false;
        for (var i = 0; i < _cancellable.Count; i++)
        {
            if (_cancellable[i].Token.IsCancellationRequested)
            {
                var cancel = _cancellable[i].Cancel;
                _cancellable.RemoveAt(i--);
                cancel();
                any = true;
            }
        }

        return any;
    }

    private void Watch(CancellationToken cancellationToken, Action cancel, Func<bool> ended)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            cancel();
            return;
        }

        // Drop entries whose wait already ended, so eternal orchestrations do not accumulate them.
        if (_cancellable.Count > 64)
        {
            _cancellable.RemoveAll(c => c.Ended());
        }

        _cancellable.Add((cancellationToken, cancel, ended));
    }

    internal void DeliverEvent(string eventName, string? data)
    {
        if (_waiters.TryGetValue(eventName, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.TrySetResult(data);
            return;
        }

        _bufferedEvents.AddLast((eventName, data));
    }

    private static async Task<T> ConvertEvent<T>(Task<string?> raw) => JsonDataConverter.Default.Deserialize<T>(await raw)!;

    private async Task<TResult> WithRetry<TResult>(TaskOptions? options, Func<Task<TResult>> attempt)
    {
        var policy = options?.Retry?.Policy;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException) when (policy is not null && number < policy.MaxNumberOfAttempts)
            {
                await CreateTimer(CurrentUtcDateTime.Add(policy.GetDelay(number + 1)), CancellationToken.None);
            }
        }
    }

    private async Task<TResult> ScheduleAsync<TResult>(ActionKind kind, TaskName name, object? input, string? childInstanceId)
    {
        var id = _nextId++;
        var completion = new TaskCompletionSource<TaskOutcome>();
        OpenTasks[id] = completion;
        OpenActions[id] = new OrchestratorAction(kind, id, name.Name, JsonDataConverter.Default.Serialize(input), null, childInstanceId);
        var outcome = await completion.Task;
        if (outcome.Failure is not null)
        {
            throw new TaskFailedException(name, id, outcome.Failure);
        }

        return JsonDataConverter.Default.Deserialize<TResult>(outcome.Result)!;
    }
}
