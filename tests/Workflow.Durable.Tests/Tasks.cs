namespace Workflow.Durable.Tests;

/// <summary>Orchestrators and activities shared by the tests; registered by name with nameof().</summary>
internal static class Tasks
{
    public static Task<int> Add1(TaskActivityContext context, int value) => Task.FromResult(value + 1);

    public static async Task<int> Chain(TaskOrchestrationContext context, int start)
    {
        var a = await context.CallActivityAsync<int>(nameof(Add1), start);
        var b = await context.CallActivityAsync<int>(nameof(Add1), a);
        return await context.CallActivityAsync<int>(nameof(Add1), b);
    }

    public static async Task<int> ChildAdd(TaskOrchestrationContext context, int value)
        => await context.CallActivityAsync<int>(nameof(Add1), value);

    /// <summary>Two steps, a fan-out of three and a sub-orchestration: every kind of step an episode has.</summary>
    public static async Task<int> Mixed(TaskOrchestrationContext context, int start)
    {
        var a = await context.CallActivityAsync<int>(nameof(Add1), start);
        var b = await context.CallActivityAsync<int>(nameof(Add1), a);
        var fan = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => context.CallActivityAsync<int>(nameof(Add1), b + i)));
        return await context.CallSubOrchestratorAsync<int>(nameof(ChildAdd), fan.Sum());
    }

    public static async Task<int> SlowAdd1(TaskActivityContext context, int value)
    {
        await Task.Delay(20);
        return value + 1;
    }

    public static async Task<int> SlowChain(TaskOrchestrationContext context, int steps)
    {
        var value = 0;
        for (var i = 0; i < steps; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(SlowAdd1), value);
        }

        return value;
    }

    public static DurableTaskRegistry AddCommon(this DurableTaskRegistry registry) => registry
        .AddActivityFunc<int, int>(nameof(Add1), Add1)
        .AddActivityFunc<int, int>(nameof(SlowAdd1), SlowAdd1)
        .AddOrchestratorFunc<int, int>(nameof(SlowChain), SlowChain)
        .AddOrchestratorFunc<int, int>(nameof(Chain), Chain)
        .AddOrchestratorFunc<int, int>(nameof(ChildAdd), ChildAdd)
        .AddOrchestratorFunc<int, int>(nameof(Mixed), Mixed);

    /// <summary>Waits for <paramref name="condition"/> on the instance's status, polling.</summary>
    public static async Task<OrchestrationMetadata> WaitForAsync(
        this DurableTaskClient client, string instanceId, Func<OrchestrationMetadata, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cts.Token);
            if (metadata is not null && condition(metadata))
            {
                return metadata;
            }

            await Task.Delay(20, cts.Token);
        }
    }

    public static async Task<OrchestrationMetadata> CompleteAsync(this DurableTaskClient client, string instanceId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
    }

    /// <summary>History sanity: one start, at most one end, each task id scheduled once and completed at most once.</summary>
    public static void AssertNoDuplicates(IReadOnlyList<OrchestrationHistoryEvent> history)
    {
        Assert.Single(history, e => e.EventType == "ExecutionStarted");
        Assert.True(history.Count(e => e.EventType is "ExecutionCompleted" or "ExecutionTerminated") <= 1);
        var scheduled = history.Where(e => e.EventType is "TaskScheduled" or "TimerCreated" or "SubOrchestrationCreated").Select(e => e.EventId).ToList();
        Assert.Equal(scheduled.Count, scheduled.Distinct().Count());
        var completed = history.Where(e => e.EventType is "TaskCompleted" or "TaskFailed" or "TimerFired" or "SubOrchestrationCompleted" or "SubOrchestrationFailed")
            .Select(e => e.EventId).ToList();
        Assert.Equal(completed.Count, completed.Distinct().Count());
        Assert.All(completed, id => Assert.Contains(id, scheduled));
    }
}
