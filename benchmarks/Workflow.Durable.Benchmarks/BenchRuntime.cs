using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Durable.AzureStorage;

namespace Workflow.Durable.Benchmarks;

/// <summary>One runtime on a fresh task hub, with default options; the hub is deleted on dispose.</summary>
internal sealed class BenchRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BenchRuntime(ServiceProvider provider)
    {
        _provider = provider;
        Worker = provider.GetRequiredService<DurableTaskStorageWorker>();
        Client = provider.GetRequiredService<DurableTaskClient>();
        Hub = provider.GetRequiredService<TaskHub>();
    }

    public DurableTaskStorageWorker Worker { get; }

    public DurableTaskClient Client { get; }

    public TaskHub Hub { get; }

    public static async Task<BenchRuntime> StartAsync(string connectionString, Action<DurableTaskRegistry> register)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDurableTaskAzureStorage(register, options =>
        {
            options.ConnectionString = connectionString;
            options.TaskHubName = "bench" + Guid.NewGuid().ToString("N")[..10];
        });
        var runtime = new BenchRuntime(services.BuildServiceProvider());
        await runtime.Worker.StartAsync(CancellationToken.None);
        return runtime;
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        await Hub.DeleteAllAsync();
        await _provider.DisposeAsync();
    }
}
