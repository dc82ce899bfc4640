using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Application;
using Workflow.Engine;

namespace Workflow.Benchmarks;

/// <summary>
/// One engine process as the local host wires it (hosts/Workflow.Host): the cycle's services through
/// <c>AddReportingCycles()</c> (storage and e-mail on Azurite and the sink), the Durable Task engine through
/// <c>AddDurableEngine</c> with the product's default engine settings, on a task hub and table prefix of its own, the task hub in <see cref="HubStorage"/>.
/// Disposing stops the worker and deletes the task hub and every table and container under the prefix.
/// </summary>
internal sealed class BenchEngine : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly DurableEngine _engine;
    private readonly string _storage;

    private BenchEngine(ServiceProvider provider, string storage, string name)
    {
        _provider = provider;
        _engine = provider.GetRequiredService<DurableEngine>();
        _storage = storage;
        Name = name;
    }

    /// <summary>Task hub name and (lower-cased) storage prefix.</summary>
    public string Name { get; }

    public string Prefix => Name.ToLowerInvariant();

    public DurableTaskClient Client => _provider.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => _provider;

    /// <summary>A name unique to this run: letters and digits only, as task hubs and tables need.</summary>
    public static string UniqueName(string row) => $"b{row}{Guid.NewGuid():N}"[..14];

    public static async Task<BenchEngine> StartAsync(string storage, string sinkUrl, string name, Action<EngineTaskRegistry> tasks, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(c => c.SingleLine = true)
            .AddFilter("DurableTask", LogLevel.Error).AddFilter("Microsoft.DurableTask", LogLevel.Error)
            .AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage,
            ["Storage:Prefix"] = name.ToLowerInvariant(),
            ["Email:ApiKey"] = "SG.bench-key-not-secret",
            ["Email:Host"] = sinkUrl,
            ["Email:FromAddress"] = "thuongtruc@bcd.bench.example",
            ["Email:LedgerConnectionString"] = storage,
            ["Email:LedgerTable"] = $"{name.ToLowerInvariant()}mail",
            // Made up for this run; signs the units' links in the mails.
            ["Cycle:LinkKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Cycle:PublicBaseUrl"] = "http://127.0.0.1:7071",
            ["Cycle:ReceiptPrefix"] = "BM",
        }).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddReportingCycles();
        services.AddDurableEngine(tasks, options =>
        {
            options.ConnectionString = HubStorage.Or(storage);
            options.TrackingConnectionString = HubStorage.Tracking;
            options.TaskHubName = name;
        });
        var provider = services.BuildServiceProvider();
        var engine = new BenchEngine(provider, storage, name);
        await engine._engine.StartAsync(cancellationToken);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.StopAsync(CancellationToken.None);
        await _provider.GetRequiredService<AzureStorageOrchestrationService>().DeleteAsync();
        foreach (var account in HubStorage.All(_storage))
        {
            await DeleteUnderPrefixAsync(account);
        }

        await _provider.DisposeAsync();
    }

    private async Task DeleteUnderPrefixAsync(string account)
    {
        var tables = new TableServiceClient(account);
        await foreach (var table in tables.QueryAsync($"TableName ge '{Prefix}' and TableName lt '{Prefix}~'"))
        {
            await tables.DeleteTableAsync(table.Name);
        }

        var blobs = new BlobServiceClient(account);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: Prefix))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            try
            {
                await client.DeleteAsync();
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == "LeaseIdMissing")
            {
                // The task hub's lease containers may still hold a lease of the stopped worker.
                await client.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
                await client.DeleteAsync();
            }
        }
    }
}
