using Microsoft.Extensions.Time.Testing;

namespace Workflow.Durable.Tests;

public sealed class EventAndTimerTests(DurableFixture fixture) : IClassFixture<DurableFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ExternalEvents_ArrivingBeforeTheWait_AreBufferedInOrder()
    {
        var time = new FakeTimeProvider(Start);
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddOrchestratorFunc<int, string>("LateListener", async (context, _) =>
            {
                await context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
                var values = new List<int>();
                for (var i = 0; i < 3; i++)
                {
                    values.Add(await context.WaitForExternalEvent<int>("value"));
                }

                return string.Join(",", values);
            }), time);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("LateListener");
        await runtime.Client.WaitForAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        foreach (var value in new[] { 3, 1, 2 })
        {
            await runtime.Client.RaiseEventAsync(id, "value", value);
        }

        await WaitForHistoryAsync(runtime.Client, id, h => h.Count(e => e.EventType == "EventRaised") == 3);
        time.Advance(TimeSpan.FromHours(1));
        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal("3,1,2", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task EventVsTimerRace_EventFirst_WinsAndCancelsTheTimer()
    {
        var time = new FakeTimeProvider(Start);
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r.AddOrchestratorFunc<int, string>("Approval", Approval), time);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await runtime.Client.WaitForAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await WaitForHistoryAsync(runtime.Client, id, h => h.Any(e => e.EventType == "TimerCreated"));

        await runtime.Client.RaiseEventAsync(id, "approved", true);
        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal("approved", result.ReadOutputAs<string>());
        time.Advance(TimeSpan.FromDays(8));
        var history = await runtime.Client.GetHistoryAsync(id);
        Assert.DoesNotContain(history, e => e.EventType == "TimerFired");
    }

    [Fact]
    public async Task EventVsTimerRace_TimerFirst_TimesOutAndIgnoresTheLateEvent()
    {
        var time = new FakeTimeProvider(Start);
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r.AddOrchestratorFunc<int, string>("Approval", Approval), time);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await WaitForHistoryAsync(runtime.Client, id, h => h.Any(e => e.EventType == "TimerCreated"));

        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMilliseconds(1));
        await Task.Delay(200);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await runtime.Client.GetInstanceAsync(id))!.RuntimeStatus);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await runtime.Client.CompleteAsync(id);
        await runtime.Client.RaiseEventAsync(id, "approved", true);

        Assert.Equal($"timed out at {Start.AddDays(7).UtcDateTime:o}", result.ReadOutputAs<string>());
        await Task.Delay(200);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await runtime.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task Timer_Of90Days_SurvivesARestart_AndFiresAtItsInstantOnAFakeClock()
    {
        var time = new FakeTimeProvider(Start);
        var hub = fixture.NewHubName();
        Action<DurableTaskRegistry> register = r => r.AddOrchestratorFunc<int, string>("Quarter", async (context, _) =>
        {
            var due = context.CurrentUtcDateTime.AddDays(90);
            await context.CreateTimer(due, CancellationToken.None);
            return $"{due:o}|{context.CurrentUtcDateTime:o}";
        });
        string id;
        await using (var first = await TestRuntime.StartAsync(fixture, hub, register, time))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Quarter");
            await WaitForHistoryAsync(first.Client, id, h => h.Any(e => e.EventType == "TimerCreated"));
        }

        time.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        await using var second = await TestRuntime.StartAsync(fixture, hub, register, time);
        await Task.Delay(300);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await second.Client.GetInstanceAsync(id))!.RuntimeStatus);

        time.Advance(TimeSpan.FromSeconds(1));
        var result = await second.Client.CompleteAsync(id);

        var parts = result.ReadOutputAs<string>()!.Split('|');
        Assert.Equal(Start.AddDays(90).UtcDateTime, DateTime.Parse(parts[0], null, System.Globalization.DateTimeStyles.RoundtripKind));
        Assert.True(DateTime.Parse(parts[1], null, System.Globalization.DateTimeStyles.RoundtripKind) >= DateTime.Parse(parts[0], null, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    [Fact]
    public async Task Timer_ThatFellDueWhileNoHostRan_FiresAtStartUp()
    {
        var time = new FakeTimeProvider(Start);
        var hub = fixture.NewHubName();
        Action<DurableTaskRegistry> register = r => r.AddOrchestratorFunc<int, int>("Sleeper", async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
            return 1;
        });
        string id;
        await using (var first = await TestRuntime.StartAsync(fixture, hub, register, time))
        {
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper");
            await WaitForHistoryAsync(first.Client, id, h => h.Any(e => e.EventType == "TimerCreated"));
        }

        time.Advance(TimeSpan.FromHours(3));
        await using var second = await TestRuntime.StartAsync(fixture, hub, register, time);
        var result = await second.Client.CompleteAsync(id);

        Assert.Equal(1, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task ScheduledStart_WaitsForStartAt()
    {
        var time = new FakeTimeProvider(Start);
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddOrchestratorFunc<int, string>("Now", (context, _) => Task.FromResult($"{context.CurrentUtcDateTime:o}")), time);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Now", options: new StartOrchestrationOptions(StartAt: Start.AddHours(2)));
        await Task.Delay(200);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await runtime.Client.GetInstanceAsync(id))!.RuntimeStatus);

        time.Advance(TimeSpan.FromHours(2));
        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal($"{Start.AddHours(2).UtcDateTime:o}", result.ReadOutputAs<string>());
    }

    internal static async Task<string> Approval(TaskOrchestrationContext context, int _)
    {
        using var cts = new CancellationTokenSource();
        var deadline = context.CurrentUtcDateTime.AddDays(7);
        var timer = context.CreateTimer(deadline, cts.Token);
        var approval = context.WaitForExternalEvent<bool>("approved", cts.Token);
        var winner = await Task.WhenAny(approval, timer);
        await cts.CancelAsync();
        return winner == approval ? "approved" : $"timed out at {context.CurrentUtcDateTime:o}";
    }

    internal static async Task WaitForHistoryAsync(DurableTaskClient client, string id, Func<IReadOnlyList<OrchestrationHistoryEvent>, bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition(await client.GetHistoryAsync(id, cts.Token)))
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
