using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workflow.Durable.Tests;

/// <summary>Partitions move between live hosts while instances run: nothing is lost or recorded twice.</summary>
public sealed class RebalanceTests(DurableFixture fixture) : IClassFixture<DurableFixture>
{
    private static void Register(DurableTaskRegistry registry) => registry
        .AddCommon()
        .AddActivityFunc<int, int>("Slow50", async (_, value) =>
        {
            await Task.Delay(50);
            return value + 1;
        })
        .AddOrchestratorFunc<int, int>("Ten", async (context, start) =>
        {
            var value = start;
            for (var i = 0; i < 10; i++)
            {
                value = await context.CallActivityAsync<int>("Slow50", value);
            }

            return value;
        });

    [Fact]
    public async Task HostJoiningAndLeavingMidRun_TakesOverPartitions_AndEveryInstanceCompletesOnce()
    {
        var hub = fixture.NewHubName();
        await using var first = await TestRuntime.StartAsync(fixture, hub, Register);
        var ids = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            first.Client.ScheduleNewOrchestrationInstanceAsync("Ten", i * 100, new StartOrchestrationOptions($"move-{i:D2}"))));

        // A second host joins: the first releases half of its partitions while instances are mid-way.
        var second = await TestRuntime.StartAsync(fixture, hub, Register);
        using (var balance = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            while (second.Worker.OwnedPartitions.Count != 2)
            {
                await Task.Delay(20, balance.Token);
            }
        }

        // Then it leaves gracefully: its partitions go back to the first host.
        await Task.Delay(150);
        var secondDidWork = second.Worker.ActivityExecutions;
        await second.DisposeAsync();

        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var result = await first.Client.CompleteAsync(id, TimeSpan.FromSeconds(60));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
            Assert.Equal((i * 100) + 10, result.ReadOutputAs<int>());
            var history = await first.Client.GetHistoryAsync(id);
            Tasks.AssertNoDuplicates(history);
            Assert.Equal(10, history.Count(e => e.EventType == "TaskCompleted"));
        }

        Assert.Equal(4, first.Worker.OwnedPartitions.Count);
        Assert.True(secondDidWork > 0, "the joining host ran none of the moved instances' activities");
    }

    [Fact]
    public async Task ReplaySafeLogger_WritesEachLineOnce_AcrossAReplay()
    {
        var hub = fixture.NewHubName();
        var logs = new CapturingLoggerProvider();
        Action<DurableTaskRegistry> register = r => r
            .AddCommon()
            .AddOrchestratorFunc<int, int>("Logs", async (context, _) =>
            {
                var logger = context.CreateReplaySafeLogger("Workflow.Test.Logs");
                logger.LogInformation(new EventId(9001), "before");
                var value = await context.CallActivityAsync<int>(nameof(Tasks.Add1), 1);
                logger.LogInformation(new EventId(9001), "after activity");
                value += await context.WaitForExternalEvent<int>("go");
                logger.LogInformation(new EventId(9001), "after event");
                return value;
            });
        Action<IServiceCollection> logging = s => s.AddLogging(b => b.AddProvider(logs));
        string id;
        await using (var before = await TestRuntime.StartAsync(fixture, hub, register, services: logging))
        {
            id = await before.Client.ScheduleNewOrchestrationInstanceAsync("Logs");
            await EventAndTimerTests.WaitForHistoryAsync(before.Client, id, h => h.Any(e => e.EventType == "TaskCompleted"));
        }

        await using var after = await TestRuntime.StartAsync(fixture, hub, register, services: logging);
        await after.Client.RaiseEventAsync(id, "go", 1);
        await after.Client.CompleteAsync(id);

        Assert.Equal(3, logs.Events.Count(e => e.Id == 9001));
    }
}
