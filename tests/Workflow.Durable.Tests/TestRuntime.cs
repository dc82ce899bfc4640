using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Durable.AzureStorage;

namespace Workflow.Durable.Tests;

/// <summary>One runtime "process": its own service provider, worker and client on a shared task hub.</summary>
internal sealed class TestRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private TestRuntime(ServiceProvider provider)
    {
        _provider = provider;
        Worker = provider.GetRequiredService<DurableTaskStorageWorker>();
        Client = provider.GetRequiredService<DurableTaskClient>();
        Hub = provider.GetRequiredService<TaskHub>();
    }

    public DurableTaskStorageWorker Worker { get; }

    public DurableTaskClient Client { get; }

    public TaskHub Hub { get; }

    public static Task<TestRuntime> StartAsync(
        DurableFixture fixture,
        string hubName,
        Action<DurableTaskRegistry> register,
        TimeProvider? time = null,
        Action<DurableTaskStorageOptions>? configure = null,
        Action<IServiceCollection>? services = null)
        => StartAsync(fixture.ConnectionString, hubName, register, time, configure, services);

    public static async Task<TestRuntime> StartAsync(
        string connectionString,
        string hubName,
        Action<DurableTaskRegistry> register,
        TimeProvider? time = null,
        Action<DurableTaskStorageOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        services?.Invoke(collection);
        collection.AddDurableTaskAzureStorage(register, options =>
        {
            options.ConnectionString = connectionString;
            options.TaskHubName = hubName;
            options.LeaseRenewInterval = TimeSpan.FromMilliseconds(300);
            options.InboxSweepInterval = TimeSpan.FromSeconds(2);
            options.MinPollingInterval = TimeSpan.FromMilliseconds(20);
            options.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
            options.FailedEpisodeRetryDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(options);
        });
        var provider = collection.BuildServiceProvider();
        var runtime = new TestRuntime(provider);
        await runtime.Worker.StartAsync(CancellationToken.None);
        return runtime;
    }

    /// <summary>Simulates SIGKILL: nothing more reaches storage, no lease is released.</summary>
    public void Crash() => Worker.Crash();

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
