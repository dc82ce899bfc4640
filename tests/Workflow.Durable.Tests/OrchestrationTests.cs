using Microsoft.Extensions.Time.Testing;

namespace Workflow.Durable.Tests;

public sealed class OrchestrationTests(DurableFixture fixture) : IClassFixture<DurableFixture>
{
    [Fact]
    public async Task SequentialActivities_CompleteWithTheChainedOutput()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r.AddCommon());
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Tasks.Chain), 10);

        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(13, result.ReadOutputAs<int>());
        Assert.Equal(10, result.ReadInputAs<int>());
        var history = await runtime.Client.GetHistoryAsync(id);
        Tasks.AssertNoDuplicates(history);
        Assert.Equal(3, history.Count(e => e.EventType == "TaskCompleted"));
    }

    [Fact]
    public async Task FanOutFanIn_Of1000Activities_SumsEveryResult()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddCommon()
            .AddOrchestratorFunc<int, int>("FanOut", async (context, count) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<int>(nameof(Tasks.Add1), i)));
                return results.Sum();
            }));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 1000);

        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 1000).Sum(), result.ReadOutputAs<int>());
        var history = await runtime.Client.GetHistoryAsync(id);
        Tasks.AssertNoDuplicates(history);
        Assert.Equal(1000, history.Count(e => e.EventType == "TaskCompleted"));
    }

    [Fact]
    public async Task SubOrchestration_ReturnsChildOutput_AndChildFailureReachesParent()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddCommon()
            .AddOrchestratorFunc<int, int>("Failing", (_, _) => throw new InvalidOperationException("child broke"))
            .AddOrchestratorFunc<int, string>("Parent", async (context, value) =>
            {
                var child = await context.CallSubOrchestratorAsync<int>(nameof(Tasks.ChildAdd), value, new SubOrchestrationOptions(InstanceId: context.InstanceId + "-child"));
                try
                {
                    await context.CallSubOrchestratorAsync<int>("Failing", value);
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    return $"{child}:{ex.FailureDetails.ErrorMessage}";
                }
            }));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 41, new StartOrchestrationOptions("parent-1"));

        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal("42:child broke", result.ReadOutputAs<string>());
        var child = await runtime.Client.GetInstanceAsync("parent-1-child", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Tasks.AssertNoDuplicates(await runtime.Client.GetHistoryAsync(id));
    }

    [Fact]
    public async Task ContinueAsNew_RestartsWithNewInput_AndHistoryStaysSmall()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddCommon()
            .AddOrchestratorFunc<int, int>("Loop", async (context, n) =>
            {
                var next = await context.CallActivityAsync<int>(nameof(Tasks.Add1), n);
                if (next < 20)
                {
                    context.ContinueAsNew(next);
                }

                return next;
            }));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Loop", 0);

        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal(20, result.ReadOutputAs<int>());
        Assert.Equal(19, result.ReadInputAs<int>());
        var history = await runtime.Client.GetHistoryAsync(id);
        Assert.True(history.Count < 10, $"history has {history.Count} events");
        Assert.Single(history, e => e.EventType == "TaskScheduled");
    }

    [Fact]
    public async Task ContinueAsNew_CarriesUnprocessedEvents()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddOrchestratorFunc<int, int>("Counter", async (context, total) =>
            {
                var value = await context.WaitForExternalEvent<int>("add");
                if (value == 0)
                {
                    return total;
                }

                context.ContinueAsNew(total + value);
                return -1;
            }));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0);
        foreach (var value in new[] { 1, 2, 3, 4, 0 })
        {
            await runtime.Client.RaiseEventAsync(id, "add", value);
        }

        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal(10, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task RetryPolicy_RetriesAFailingActivityAfterDurableTimers()
    {
        var attempts = 0;
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddActivityFunc<int, int>("Flaky", (_, value) => Interlocked.Increment(ref attempts) < 3 ? throw new InvalidOperationException("not yet") : Task.FromResult(value))
            .AddActivityFunc<int, int>("Broken", (_, _) => throw new InvalidOperationException("never works"))
            .AddOrchestratorFunc<int, string>("Retrying", async (context, value) =>
            {
                var policy = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(20), backoffCoefficient: 2));
                var ok = await context.CallActivityAsync<int>("Flaky", value, policy);
                try
                {
                    await context.CallActivityAsync<int>("Broken", value, TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMilliseconds(10))));
                    return "unexpected";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ok}:{ex.FailureDetails.ErrorMessage}";
                }
            }));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Retrying", 7);

        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal("7:never works", result.ReadOutputAs<string>());
        Assert.Equal(3, attempts);
        var history = await runtime.Client.GetHistoryAsync(id);
        Assert.Equal(3, history.Count(e => e.EventType == "TimerCreated"));
        Assert.Equal(4, history.Count(e => e.EventType == "TaskFailed"));
    }

    [Fact]
    public async Task UnhandledOrchestratorException_FailsInstanceWithDetails_AndCustomStatusIsVisible()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddOrchestratorFunc<int, int>("Throws", async (context, _) =>
            {
                context.SetCustomStatus(new { step = "about to fail" });
                await context.CreateTimer(TimeSpan.Zero, CancellationToken.None);
                throw new InvalidOperationException("boom");
            }));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Throws", 1);

        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("boom", result.FailureDetails!.ErrorMessage);
        Assert.True(result.FailureDetails.IsCausedBy<InvalidOperationException>());
        Assert.Contains("about to fail", result.SerializedCustomStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOrchestrator_FailsTheInstanceWithAClearMessage()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r.AddCommon());
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("DoesNotExist");

        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("DoesNotExist", result.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleWithSameInstanceId_WhileRunning_IsIdempotent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddOrchestratorFunc<int, int>("WaitsForGo", async (context, input) => input + await context.WaitForExternalEvent<int>("go")), time);

        var first = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("WaitsForGo", 1, new StartOrchestrationOptions("same-id"));
        await runtime.Client.WaitForAsync(first, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        var second = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("WaitsForGo", 100, new StartOrchestrationOptions("same-id"));
        await runtime.Client.RaiseEventAsync("same-id", "go", 10);
        var result = await runtime.Client.CompleteAsync("same-id");

        Assert.Equal("same-id", second);
        Assert.Equal(11, result.ReadOutputAs<int>());
        Tasks.AssertNoDuplicates(await runtime.Client.GetHistoryAsync("same-id"));
    }
}
