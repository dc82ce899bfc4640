using System.Diagnostics;
using Microsoft.Extensions.Options;
using Workflow.Durable.AzureStorage;

namespace Workflow.Durable.Tests;

/// <summary>A real host process is killed with SIGKILL mid-run; another host takes over when its leases expire.</summary>
public sealed class ProcessKillTests(DurableFixture fixture) : IClassFixture<DurableFixture>
{
    internal static void ShortLeases(DurableTaskStorageOptions options)
    {
        options.LeaseDuration = TimeSpan.FromSeconds(3);
        options.LeaseRenewInterval = TimeSpan.FromMilliseconds(300);
    }

    [Fact]
    public async Task HostKilledWithSigkill_MidRun_AnotherHostCompletesEveryInstanceWithCleanHistory()
    {
        var hub = fixture.NewHubName();
        using var host = StartHostProcess(hub);
        try
        {
            await RunAsync(hub, host);
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill();
            }
        }
    }

    private async Task RunAsync(string hub, Process host)
    {
        var ready = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ready", ready);

        // A client-only process view: its messages reach the host through the control queues.
        var client = new AzureStorageDurableTaskClient(new TaskHub(
            Options.Create(new DurableTaskStorageOptions { ConnectionString = fixture.ConnectionString, TaskHubName = hub }), TimeProvider.System));
        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync(nameof(Tasks.SlowChain), 50, new StartOrchestrationOptions($"killed-{i}"))));
        await EventAndTimerTests.WaitForHistoryAsync(client, ids[0], h => h.Count(e => e.EventType == "TaskCompleted") >= 3);

        host.Kill();
        await host.WaitForExitAsync();
        Assert.NotEqual(OrchestrationRuntimeStatus.Completed, (await client.GetInstanceAsync(ids[0]))!.RuntimeStatus);

        await using var survivor = await TestRuntime.StartAsync(fixture, hub, r => r.AddCommon(), configure: ShortLeases);
        foreach (var id in ids)
        {
            var result = await survivor.Client.CompleteAsync(id, TimeSpan.FromSeconds(60));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
            Assert.Equal(50, result.ReadOutputAs<int>());
            var history = await survivor.Client.GetHistoryAsync(id);
            Tasks.AssertNoDuplicates(history);
            Assert.Equal(50, history.Count(e => e.EventType == "TaskCompleted"));
        }
    }

    private Process StartHostProcess(string hub)
    {
        var assembly = typeof(ProcessKillTests).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("host");
        start.ArgumentList.Add(hub);
        start.Environment["WORKFLOW_STORAGE"] = fixture.ConnectionString;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the host process");
    }
}
