using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Durable.AzureStorage;

namespace Workflow.Durable.Tests;

/// <summary>At-least-once delivery with idempotent receivers; several hosts; poison.</summary>
public sealed class DeliveryTests(DurableFixture fixture) : IClassFixture<DurableFixture>
{
    [Fact]
    public async Task DuplicateDelivery_OfEveryMessageKind_IsIgnored()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddCommon()
            .AddOrchestratorFunc<int, int>("Dup", async (context, _) =>
            {
                var a = await context.CallActivityAsync<int>(nameof(Tasks.Add1), 1);
                await context.CreateTimer(TimeSpan.FromMilliseconds(1), CancellationToken.None);
                var c = await context.CallSubOrchestratorAsync<int>(nameof(Tasks.ChildAdd), a, new SubOrchestrationOptions(InstanceId: context.InstanceId + "-c"));
                context.SetCustomStatus("ready");
                var e1 = await context.WaitForExternalEvent<int>("e");
                context.SetCustomStatus("got-first");
                var e2 = await context.WaitForExternalEvent<int>("e");
                return (a * 1000) + (c * 100) + (e1 * 10) + e2;
            }));
        var client = runtime.Client;
        var internals = (AzureStorageDurableTaskClient)runtime.Client;
        var hub = runtime.Hub;
        const string id = "dup";

        // Start delivered twice.
        await client.ScheduleNewOrchestrationInstanceAsync("Dup", 0, new StartOrchestrationOptions(id));
        await client.ScheduleNewOrchestrationInstanceAsync("Dup", 0, new StartOrchestrationOptions(id));
        await client.WaitForAsync(id, m => m.SerializedCustomStatus == "\"ready\"");
        var state = await InstanceState.ReadAsync((await hub.Instances.GetEntityAsync<TableEntity>(id, TaskHub.StateRowKey)).Value, hub, false, default);
        var execution = state.ExecutionId;

        // Activity result, timer and sub-orchestration completion delivered again.
        Assert.True(runtime.Worker.TryPost(id, new WorkItem(WorkKind.ActivityResult) { ExecutionId = execution, TaskId = 0, Result = "9" }));
        Assert.True(runtime.Worker.TryPost(id, new WorkItem(WorkKind.TimerDue) { ExecutionId = execution, TaskId = 1 }));
        Assert.True(runtime.Worker.TryPost(id, new WorkItem(WorkKind.ChildResult) { ExecutionId = execution, TaskId = 2, ChildInstanceId = id + "-c", Result = "9" }));
        await internals.SendAsync(id, new InboxMessage(InboxMessageKind.SubOrchestrationCompleted) { ExecutionId = execution, TaskId = 2, ChildInstanceId = id + "-c", Data = "9" }, "sub-again", default);

        // One event row inserted twice before it is consumed, and once more after.
        var row = await hub.CreateInboxRowAsync(id, hub.NewInboxRowKey("event-1"), new InboxMessage(InboxMessageKind.Event) { Name = "e", Data = "1" }, default);
        await internals.InsertInboxRowAsync(row, default);
        await internals.InsertInboxRowAsync(row, default);
        await internals.NotifyAsync(id, default);
        await client.WaitForAsync(id, m => m.SerializedCustomStatus == "\"got-first\"");
        await internals.InsertInboxRowAsync(row, default);
        await internals.NotifyAsync(id, default);

        // Control-queue notifications delivered twice.
        var queue = hub.ControlQueues[hub.PartitionOf(id)];
        await queue.SendMessageAsync(id);
        await queue.SendMessageAsync(id);
        await Task.Delay(500);

        await client.RaiseEventAsync(id, "e", 2);
        var result = await client.CompleteAsync(id);

        Assert.Equal(2312, result.ReadOutputAs<int>());
        var history = await client.GetHistoryAsync(id);
        Tasks.AssertNoDuplicates(history);
        Assert.Equal(2, history.Count(e => e.EventType == "EventRaised"));

        // Terminate after the end, twice: nothing changes.
        await client.TerminateInstanceAsync(id, "late");
        await client.TerminateInstanceAsync(id, "late");
        await Task.Delay(300);
        var after = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, after!.RuntimeStatus);
        Assert.Equal(2312, after.ReadOutputAs<int>());
        Assert.Empty(hub.Instances.Query<TableEntity>($"PartitionKey eq '{id}' and RowKey ge 'i-' and RowKey lt 'i.'"));
    }

    [Fact]
    public async Task TwoRuntimes_OnOneTaskHub_Run200InstancesEachExactlyOnce()
    {
        var hub = fixture.NewHubName();
        Action<DurableTaskRegistry> register = r => r
            .AddCommon()
            .AddOrchestratorFunc<int, int>("Five", async (context, start) =>
            {
                var value = start;
                for (var i = 0; i < 5; i++)
                {
                    value = await context.CallActivityAsync<int>(nameof(Tasks.Add1), value);
                }

                return value;
            });
        await using var a = await TestRuntime.StartAsync(fixture, hub, register);
        await using var b = await TestRuntime.StartAsync(fixture, hub, register);
        using (var balance = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            while (a.Worker.OwnedPartitions.Count != 2 || b.Worker.OwnedPartitions.Count != 2)
            {
                await Task.Delay(50, balance.Token);
            }
        }

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? a : b).Client.ScheduleNewOrchestrationInstanceAsync("Five", i * 10, new StartOrchestrationOptions($"pair-{i:D3}"))));
        var results = await Task.WhenAll(ids.Select(id => a.Client.CompleteAsync(id, TimeSpan.FromSeconds(60))));

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, results[i].RuntimeStatus);
            Assert.Equal((i * 10) + 5, results[i].ReadOutputAs<int>());
        }

        Assert.Equal(1000, a.Worker.ActivityExecutions + b.Worker.ActivityExecutions);
        Assert.True(a.Worker.ActivityExecutions > 0 && b.Worker.ActivityExecutions > 0);
        foreach (var id in ids)
        {
            var history = await a.Client.GetHistoryAsync(id);
            Tasks.AssertNoDuplicates(history);
            Assert.Equal(5, history.Count(e => e.EventType == "TaskCompleted"));
        }
    }

    [Fact]
    public async Task PoisonMessage_IsMovedAside_AndTheInstanceFailsWithTheReason()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r
            .AddOrchestratorFunc<int, int>("Waits", async (context, _) => await context.WaitForExternalEvent<int>("never")));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        await runtime.Client.WaitForAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        var hub = runtime.Hub;
        var bad = new TableEntity(id, hub.NewInboxRowKey("garbage")) { ["P"] = hub.PartitionOf(id), ["M"] = "{ this is not json" };
        await hub.Instances.AddEntityAsync(bad);
        Assert.True(runtime.Worker.TryNotify(id));
        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("PoisonMessage", result.FailureDetails!.ErrorType);
        Assert.Contains("5 failed attempts", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        var parked = await hub.Poison.GetEntityAsync<TableEntity>(id, bad.RowKey);
        Assert.Equal("{ this is not json", parked.Value.GetString("M"));
        Assert.Empty(hub.Instances.Query<TableEntity>($"PartitionKey eq '{id}' and RowKey ge 'i-' and RowKey lt 'i.'"));
    }

    [Fact]
    public async Task PoisonControlQueueMessage_IsMovedToThePoisonQueue()
    {
        await using var runtime = await TestRuntime.StartAsync(fixture, fixture.NewHubName(), r => r.AddCommon());
        await runtime.Hub.ControlQueues[0].SendMessageAsync("not/an/instance");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var peeked = await runtime.Hub.PoisonQueue.PeekMessagesAsync(1, cts.Token);
            if (peeked.Value.Length == 1)
            {
                Assert.Equal("not/an/instance", peeked.Value[0].Body.ToString());
                break;
            }

            await Task.Delay(50, cts.Token);
        }
    }
}
