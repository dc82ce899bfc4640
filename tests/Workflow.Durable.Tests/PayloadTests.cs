using Azure.Data.Tables;
using Workflow.Durable.AzureStorage;

namespace Workflow.Durable.Tests;

/// <summary>History rows, inputs and messages too large for a table entity go to blobs and come back on replay.</summary>
public sealed class PayloadTests(DurableFixture fixture) : IClassFixture<DurableFixture>
{
    [Fact]
    public async Task LargeFanOutHistoryAndLargeEvent_SpillToBlobs_AndReplayAfterRestart()
    {
        var hub = fixture.NewHubName();
        Action<DurableTaskRegistry> register = r => r
            .AddActivityFunc<int, string>("Pad", (_, i) => Task.FromResult($"{i}:{new string('p', 200)}"))
            .AddOrchestratorFunc<int, string>("BigFan", async (context, count) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, count).Select(i => context.CallActivityAsync<string>("Pad", i)));
                var payload = await context.WaitForExternalEvent<string>("big");
                return $"{results.Length}:{results.Distinct().Count()}:{payload.Length}";
            });
        string id;
        await using (var before = await TestRuntime.StartAsync(fixture, hub, register))
        {
            id = await before.Client.ScheduleNewOrchestrationInstanceAsync("BigFan", 3000);
            await EventAndTimerTests.WaitForHistoryAsync(before.Client, id, h => h.Count(e => e.EventType == "TaskCompleted") == 3000);
            var rows = before.Hub.Instances.Query<TableEntity>($"PartitionKey eq '{id}' and RowKey ge 'h' and RowKey lt 'i'").ToList();
            Assert.Contains(rows, r => r.GetString("B") is not null);
        }

        await using var after = await TestRuntime.StartAsync(fixture, hub, register);
        await after.Client.RaiseEventAsync(id, "big", new string('e', 80_000));
        var result = await after.Client.CompleteAsync(id);

        Assert.Equal("3000:3000:80000", result.ReadOutputAs<string>());
        Tasks.AssertNoDuplicates(await after.Client.GetHistoryAsync(id));
    }
}
