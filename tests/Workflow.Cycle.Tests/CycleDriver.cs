using Azure.Data.Tables;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Cycle.Tests;

/// <summary>Drives a stepped rehearsal: moves its clock and waits until the cycle (and so the upload boundary) stands there.</summary>
internal static class CycleDriver
{
    public static async Task AdvanceAsync(DurableTaskClient client, string cycleId, DateTimeOffset to, int seconds = 90)
    {
        await client.RaiseEventAsync(cycleId, ClockAdvance.EventName, new ClockAdvance(to.ToUniversalTime(), "kiem-thu"));
        await StandsAtAsync(client, cycleId, to, seconds);
    }

    public static Task StandsAtAsync(DurableTaskClient client, string cycleId, DateTimeOffset at, int seconds = 90) =>
        Eventually(
            async () => (await ProgressAsync(client, cycleId))?.StandsAt == at.ToUniversalTime(),
            async () => $"waiting for the cycle to stand at {at:O}: " + await Describe(client, cycleId),
            seconds);

    public static async Task<CycleProgress?> ProgressAsync(DurableTaskClient client, string cycleId) =>
        (await client.GetInstanceAsync(cycleId))?.ReadCustomStatusAs<CycleProgress>();

    public static async Task<OrchestrationMetadata> WaitForCompletion(DurableTaskClient client, string id, int seconds = 120)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{id}: {done.RuntimeStatus} {done.FailureDetails?.ErrorMessage}");
        return done;
    }

    /// <summary>How many events the instance's current execution holds, from the task hub's History table.</summary>
    public static async Task<int> HistoryLengthAsync(AzureStorageOrchestrationService engine, CycleFixture fixture, string id)
    {
        var execution = (await engine.GetOrchestrationStateAsync(id, allExecutions: false)).First(s => s is not null).OrchestrationInstance.ExecutionId;
        // Read the rows themselves: large inputs live in blobs that a continue-as-new may already have removed.
        var table = new TableClient(fixture.ConnectionString, $"{fixture.TaskHub}History");
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id} and ExecutionId eq {execution}"), select: ["RowKey"]))
        {
            rows++;
        }

        return rows;
    }

    /// <summary>The activities the instance's current execution scheduled, in order, from the task hub's History table.</summary>
    public static async Task<List<string>> ScheduledActivitiesAsync(CycleFixture fixture, string id)
    {
        var table = new TableClient(fixture.ConnectionString, $"{fixture.TaskHub}History");
        var scheduled = new List<(string RowKey, string Name)>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id} and EventType eq {"TaskScheduled"}"), select: ["RowKey", "Name"]))
        {
            scheduled.Add((row.RowKey, row.GetString("Name")));
        }

        // Row keys are the event's sequence number, zero-padded.
        return [.. scheduled.OrderBy(s => s.RowKey, StringComparer.Ordinal).Select(s => s.Name)];
    }

    public static async Task Eventually(Func<Task<bool>> condition, Func<Task<string>>? explain = null, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The cycle did not reach the expected state within {seconds} s. {(explain is null ? "" : await explain())}");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<string> Describe(DurableTaskClient client, string id)
    {
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
        var failure = instance?.FailureDetails;
        var reasons = new List<string>();
        for (var inner = failure; inner is not null; inner = inner.InnerFailure)
        {
            reasons.Add($"{inner.ErrorType}: {inner.ErrorMessage}");
        }

        return $"{id}: {instance?.RuntimeStatus} {instance?.SerializedCustomStatus} {string.Join(" <- ", reasons)} {failure?.StackTrace}";
    }
}
