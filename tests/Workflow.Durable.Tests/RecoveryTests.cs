using Microsoft.Extensions.Time.Testing;
using Workflow.Durable.AzureStorage;

namespace Workflow.Durable.Tests;

/// <summary>A host dies at each step of an episode; a new host on the same storage takes over its leases.</summary>
public sealed class RecoveryTests(DurableFixture fixture) : IClassFixture<DurableFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, int> CrashPoints()
    {
        var data = new TheoryData<string, int>();
        foreach (var point in Enum.GetNames<FaultPoint>())
        {
            data.Add(point, 1);
            data.Add(point, 4);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task Crash_AtEachEpisodeStep_RecoversWithTheSameOutputAndNoDuplicateHistory(string point, int occurrence)
    {
        var time = new FakeTimeProvider(Start);
        var hub = fixture.NewHubName();
        var target = Enum.Parse<FaultPoint>(point);
        var crashed = new TaskCompletionSource();
        var seen = 0;
        var first = await TestRuntime.StartAsync(fixture, hub, r => r.AddCommon(), time);
        first.Worker.FaultHook = (p, _) =>
        {
            if (p == target && Interlocked.Increment(ref seen) == occurrence)
            {
                first.Crash();
                crashed.TrySetResult();
            }

            return Task.CompletedTask;
        };
        var id = await first.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Tasks.Mixed), 2, new StartOrchestrationOptions("mixed"));
        await crashed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await first.DisposeAsync();

        // The dead host's lease and heartbeat expire on the shared clock; the new host takes over.
        time.Advance(TimeSpan.FromSeconds(31));
        await using var second = await TestRuntime.StartAsync(fixture, hub, r => r.AddCommon(), time);
        var result = await second.Client.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(19, result.ReadOutputAs<int>());
        var history = await second.Client.GetHistoryAsync(id);
        Tasks.AssertNoDuplicates(history);
        Assert.Equal(5, history.Count(e => e.EventType == "TaskCompleted"));
        Assert.Single(history, e => e.EventType == "SubOrchestrationCompleted");
        var children = await second.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "mixed:" }).ToListAsync();
        var child = Assert.Single(children);
        Tasks.AssertNoDuplicates(await second.Client.GetHistoryAsync(child.InstanceId));
    }

    [Fact]
    public async Task Replay_AfterRestart_IsDeterministic_SameGuidsAndNoCompletedActivityRerun()
    {
        var executions = 0;
        var hub = fixture.NewHubName();
        Action<DurableTaskRegistry> register = r => r
            .AddActivityFunc<string, string>("Record", (_, value) =>
            {
                Interlocked.Increment(ref executions);
                return Task.FromResult(value);
            })
            .AddOrchestratorFunc<int, string>("Guids", async (context, _) =>
            {
                var first = context.NewGuid();
                var at = context.CurrentUtcDateTime;
                var recorded = await context.CallActivityAsync<string>("Record", first.ToString());
                await context.WaitForExternalEvent<int>("go");
                return $"{first}|{recorded}|{at:o}|{context.NewGuid() != first}";
            });
        string id;
        await using (var before = await TestRuntime.StartAsync(fixture, hub, register))
        {
            id = await before.Client.ScheduleNewOrchestrationInstanceAsync("Guids");
            await EventAndTimerTests.WaitForHistoryAsync(before.Client, id, h => h.Any(e => e.EventType == "TaskCompleted"));
        }

        await using var after = await TestRuntime.StartAsync(fixture, hub, register);
        await after.Client.RaiseEventAsync(id, "go", 1);
        var result = await after.Client.CompleteAsync(id);

        var parts = result.ReadOutputAs<string>()!.Split('|');
        Assert.Equal(parts[0], parts[1]);
        Assert.Equal("True", parts[3]);
        Assert.Equal(1, executions);
        var started = (await after.Client.GetHistoryAsync(id)).First(e => e.EventType == "OrchestratorStarted").Timestamp;
        Assert.Equal(started.UtcDateTime, DateTime.Parse(parts[2], null, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    [Fact]
    public async Task ReplayDivergence_IsReportedWithExpectedAndActualStep()
    {
        var hub = fixture.NewHubName();
        string id;
        await using (var v1 = await TestRuntime.StartAsync(fixture, hub, r => r
            .AddActivityFunc<int, int>("SendReminder", (_, n) => Task.FromResult(n))
            .AddOrchestratorFunc<int, int>("Reminders", async (context, n) =>
            {
                await context.CallActivityAsync<int>("SendReminder", n);
                return await context.WaitForExternalEvent<int>("go");
            })))
        {
            id = await v1.Client.ScheduleNewOrchestrationInstanceAsync("Reminders", 1);
            await EventAndTimerTests.WaitForHistoryAsync(v1.Client, id, h => h.Any(e => e.EventType == "TaskCompleted"));
        }

        // Version 2 of the code waits on a timer where version 1 sent a reminder.
        await using var v2 = await TestRuntime.StartAsync(fixture, hub, r => r
            .AddActivityFunc<int, int>("SendReminder", (_, n) => Task.FromResult(n))
            .AddOrchestratorFunc<int, int>("Reminders", async (context, _) =>
            {
                await context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
                return await context.WaitForExternalEvent<int>("go");
            }));
        await v2.Client.RaiseEventAsync(id, "go", 1);
        var result = await v2.Client.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("NonDeterministicOrchestrationException", result.FailureDetails!.ErrorType);
        Assert.Contains("expected CallActivity 'SendReminder' (event 0), got CreateTimer", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }
}
