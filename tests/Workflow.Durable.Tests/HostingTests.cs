using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Durable.AzureStorage;

namespace Workflow.Durable.Tests;

public sealed class HostingTests(DurableFixture fixture) : IClassFixture<DurableFixture>
{
    [Fact]
    public async Task Options_MissingConnectionString_FailValidationAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DurableTask:TaskHubName"] = "Hub1" });
        builder.Services.AddDurableTaskAzureStorage(r => r.AddCommon());
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(DurableTaskStorageOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenericHost_BindsTheDurableTaskSection_AndRunsAnOrchestration()
    {
        var hub = fixture.NewHubName();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DurableTask:ConnectionString"] = fixture.ConnectionString,
            ["DurableTask:TaskHubName"] = hub,
            ["DurableTask:PartitionCount"] = "2",
        });
        builder.Services.AddDurableTaskAzureStorage(r => r.AddCommon());
        using var host = builder.Build();
        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<DurableTaskStorageOptions>>().Value;
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(Tasks.Chain), 1);
        var result = await client.CompleteAsync(id);
        await host.StopAsync();

        Assert.Equal(2, options.PartitionCount);
        Assert.Equal(4, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task ConcurrentWriteToTheStateRow_MakesTheOwnerReloadAndRetry_WithoutLosingHistory()
    {
        var logs = new CapturingLoggerProvider();
        await using var runtime = await TestRuntime.StartAsync(
            fixture,
            fixture.NewHubName(),
            r => r.AddOrchestratorFunc<int, int>("TwoEvents", async (context, _) =>
                await context.WaitForExternalEvent<int>("a") + await context.WaitForExternalEvent<int>("b")),
            services: s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)));
        var id = await runtime.Client.ScheduleNewOrchestrationInstanceAsync("TwoEvents");
        await runtime.Client.WaitForAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await runtime.Client.RaiseEventAsync(id, "a", 1);
        await EventAndTimerTests.WaitForHistoryAsync(runtime.Client, id, h => h.Any(e => e.EventType == "EventRaised"));

        // Another writer touches the state row: the owner's cached ETag is now stale.
        var row = (await runtime.Hub.Instances.GetEntityAsync<TableEntity>(id, TaskHub.StateRowKey)).Value;
        await runtime.Hub.Instances.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge);
        await runtime.Client.RaiseEventAsync(id, "b", 2);
        var result = await runtime.Client.CompleteAsync(id);

        Assert.Equal(3, result.ReadOutputAs<int>());
        Assert.Contains(logs.Events, e => e.Id == 3011);
        var history = await runtime.Client.GetHistoryAsync(id);
        Tasks.AssertNoDuplicates(history);
        Assert.Equal(2, history.Count(e => e.EventType == "EventRaised"));
    }
}
