using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Email;
using Workflow.MailSink;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

/// <summary>
/// Real Azurite (WORKFLOW_STORAGE) and a real mail sink on 127.0.0.1. Container and table names carry a random
/// prefix so parallel runs never meet; everything is deleted afterwards. Tests keep apart by unique cycle ids.
/// </summary>
public sealed class AdapterFixture : IAsyncLifetime
{
    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does it).");

    public string Prefix { get; } = "t" + RandomNumberGenerator.GetHexString(10, lowercase: true);

    public MailSinkServer Sink { get; private set; } = null!;

    public string LedgerTable => $"{Prefix}mail";

    public async Task InitializeAsync() => Sink = await MailSinkServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Sink.DisposeAsync();
        var options = new StorageOptions { ConnectionString = ConnectionString, Prefix = Prefix };
        await new BlobServiceClient(ConnectionString).GetBlobContainerClient(options.DossierContainer).DeleteIfExistsAsync();
        await new BlobServiceClient(ConnectionString).GetBlobContainerClient(options.TemplateContainer).DeleteIfExistsAsync();
        await new BlobServiceClient(ConnectionString).GetBlobContainerClient(options.PlanContainer).DeleteIfExistsAsync();
        var tables = new TableServiceClient(ConnectionString);
        // Every table under the prefix, the status and ledger shards included.
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(Prefix) >= 0 && t.Name.CompareTo(Prefix + "{") < 0))
        {
            await tables.DeleteTableAsync(table.Name);
        }
    }

    public static string NewCycleId() => "c" + RandomNumberGenerator.GetHexString(12, lowercase: true);

    /// <summary>The storage adapters as the host registers them, with the given clock.</summary>
    public ServiceProvider Storage(TimeProvider time) => Build(time, new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = ConnectionString,
        ["Storage:Prefix"] = Prefix,
    }, s => s.AddWorkflowStorage());

    /// <summary>
    /// The e-mail adapters pointed at the sink (or another host, to simulate an unreachable provider); the outbox
    /// asks the provider about a pending key as soon as it finds it (no grace), as after a crash.
    /// </summary>
    public ServiceProvider Email(TimeProvider time, string? host = null) => Build(time, new Dictionary<string, string?>
    {
        ["Email:ApiKey"] = "SG.test-key-not-a-secret",
        ["Email:Host"] = host ?? Sink.BaseUrl,
        ["Email:FromAddress"] = "thuongtruc138@congan.bacgiang.gov.vn",
        ["Email:LedgerConnectionString"] = ConnectionString,
        ["Email:LedgerTable"] = LedgerTable,
        ["Email:PendingGrace"] = "00:00:00",
    }, s => s.AddWorkflowEmail());

    private static ServiceProvider Build(TimeProvider time, Dictionary<string, string?> settings, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton(time);
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
