using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Workflow.Durable.AzureStorage;

namespace Workflow.Durable.Tests;

public sealed class ControlTests(DurableFixture fixture) : IClassFixture<DurableFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static DurableTaskRegistry Register(DurableTaskRegistry registry) => registry
        .AddCommon()
        .AddOrchestratorFunc<string, string>("Echo", async (context, input) =>
        {
            var suffix = await context.WaitForExternalEvent<string>("suffix");
            return input + suffix;
        })
        .AddOrchestratorFunc<int, int>("Collect", async (context, count) =>
        {
            var sum = 0;
            for (var i = 0; i < count; i++)
            {
                sum += await context.WaitForExternalEvent<int>("n");
            }

            return sum;
        });

    [Fact]
    public async Task Terminate_StopsARunningInstance_AndLaterEventsAreIgnored()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => Register(r));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x");
        await runtime.Client.WaitForAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await runtime.Client.TerminateInstanceAsync(id, "stopped by operator");
        var result = await runtime.Client.CompleteAsync(id);
        await runtime.Client.RaiseEventAsync(id, "suffix", "late");
        await Task.Delay(300);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("stopped by operator", result.ReadOutputAs<string>());
        var after = await runtime.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, after!.RuntimeStatus);
        Assert.DoesNotContain(await runtime.Client.GetHistoryAsync(id), e => e.EventType == "EventRaised");
    }

    [Fact]
    public async Task SuspendThenResume_HoldsEventsUntilResumed()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => Register(r));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Collect", 2);
        await runtime.Client.WaitForAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await runtime.Client.SuspendInstanceAsync(id, "maintenance");
        await runtime.Client.WaitForAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await runtime.Client.RaiseEventAsync(id, "n", 5);
        await runtime.Client.RaiseEventAsync(id, "n", 6);
        await Task.Delay(300);
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await runtime.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.DoesNotContain(await runtime.Client.GetHistoryAsync(id), e => e.EventType == "EventRaised");

        await runtime.Client.ResumeInstanceAsync(id);
        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal(11, result.ReadOutputAs<int>());
        var history = await runtime.Client.GetHistoryAsync(id);
        Assert.Contains(history, e => e.EventType == "ExecutionSuspended");
        Assert.Contains(history, e => e.EventType == "ExecutionResumed");
    }

    [Fact]
    public async Task Purge_DeletesStateHistoryInboxAndBlobs_OfATerminalInstanceOnly()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => Register(r));
        var big = new string('x', 100_000);
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Echo", big);
        await runtime.Client.WaitForAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        Assert.Equal(0, (await runtime.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);

        await runtime.Client.RaiseEventAsync(id, "suffix", "!");
        var result = await runtime.Client.CompleteAsync(id);
        Assert.Equal(big + "!", result.ReadOutputAs<string>());
        Assert.NotEmpty(await ListBlobsAsync(runtime.Hub, id));

        var purged = await runtime.Client.PurgeInstanceAsync(id);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await runtime.Client.GetInstanceAsync(id));
        Assert.Empty(await runtime.Client.GetHistoryAsync(id));
        Assert.Empty(runtime.Hub.Instances.Query<TableEntity>($"PartitionKey eq '{id}'"));
        Assert.Empty(await ListBlobsAsync(runtime.Hub, id));
    }

    [Fact]
    public async Task Query_FiltersByStatusCreatedRangeAndPrefix_WithPaging()
    {
        var time = new FakeTimeProvider(Start);
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => Register(r), time);
        for (var i = 0; i < 7; i++)
        {
            await runtime.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Tasks.Chain), i, new StartOrchestrationOptions($"done-{i}"));
            time.Advance(TimeSpan.FromHours(1));
        }

        for (var i = 0; i < 3; i++)
        {
            await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "w", new StartOrchestrationOptions($"wait-{i}"));
        }

        for (var i = 0; i < 7; i++)
        {
            await runtime.Client.CompleteAsync($"done-{i}");
        }

        await runtime.Client.WaitForAsync("wait-2", m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        var completed = await runtime.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 3 }).ToListAsync();
        Assert.Equal(7, completed.Count);
        var firstPage = await runtime.Client.QueryInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 3 });
        Assert.Equal(3, firstPage.Items.Count);
        Assert.NotNull(firstPage.ContinuationToken);

        var running = await runtime.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running] }).ToListAsync();
        Assert.Equal(["wait-0", "wait-1", "wait-2"], running.Select(m => m.InstanceId).Order().ToArray());

        var range = await runtime.Client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = Start.AddHours(2), CreatedTo = Start.AddHours(4) }).ToListAsync();
        Assert.Equal(["done-2", "done-3", "done-4"], range.Select(m => m.InstanceId).Order().ToArray());

        var prefixed = await runtime.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "wait-", FetchInputsAndOutputs = true }).ToListAsync();
        Assert.Equal(3, prefixed.Count);
        Assert.All(prefixed, m => Assert.Equal("w", m.ReadInputAs<string>()));
    }

    [Fact]
    public async Task RaiseEvent_ToAnInstanceThatDoesNotExist_IsDropped()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => Register(r));

        await runtime.Client.RaiseEventAsync("nobody-here", "suffix", "x");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (runtime.Hub.Instances.Query<TableEntity>("PartitionKey eq 'nobody-here'", cancellationToken: cts.Token).Any())
        {
            await Task.Delay(20, cts.Token);
        }

        Assert.Null(await runtime.Client.GetInstanceAsync("nobody-here"));
    }

    private static async Task<List<string>> ListBlobsAsync(TaskHub hub, string instanceId)
    {
        var names = new List<string>();
        await foreach (var blob in hub.Payloads.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = hub.BlobPrefix(instanceId) }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
