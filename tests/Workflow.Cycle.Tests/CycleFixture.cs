using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Application;
using Workflow.Engine;
using Workflow.MailSink;
using Workflow.Storage;

namespace Workflow.Cycle.Tests;

/// <summary>
/// Real Azurite (WORKFLOW_STORAGE) and the recording SendGrid endpoint; uniquely named storage, removed afterwards.
/// The engine runs in host processes (<see cref="HostProcess"/>); this process holds the upload boundary, the stores
/// and the SDK's client over the same task hub, as the API does.
/// </summary>
public sealed class CycleFixture : IAsyncLifetime
{
    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does it).");

    public string Prefix { get; } = "c" + RandomNumberGenerator.GetHexString(10, lowercase: true);

    public string TaskHub => $"{Prefix}hub";

    public string LedgerTable => $"{Prefix}mail";

    public const string LinkKey = "khoa-ky-duong-dan-chi-dung-cho-kiem-thu-0123456789";

    private ServiceProvider? _services;

    public MailSinkServer Sink { get; private set; } = null!;

    public DurableTaskClient Client => _services!.GetRequiredService<DurableTaskClient>();

    public SubmissionService Submissions => _services!.GetRequiredService<SubmissionService>();

    public IStatusStore Status => _services!.GetRequiredService<IStatusStore>();

    public IDossierStore Dossiers => _services!.GetRequiredService<IDossierStore>();

    public CycleConsolidation Consolidation => _services!.GetRequiredService<CycleConsolidation>();

    public ConsolidationSnapshots Snapshots => _services!.GetRequiredService<ConsolidationSnapshots>();

    public IPlanStore Plans => _services!.GetRequiredService<IPlanStore>();

    public UnitLinks Links => _services!.GetRequiredService<UnitLinks>();

    /// <summary>The operator key every host process of the fixture takes.</summary>
    public const string OperatorKey = "khoa-van-hanh-chi-dung-cho-kiem-thu";

    public AzureStorageOrchestrationService Engine => _services!.GetRequiredService<AzureStorageOrchestrationService>();

    /// <summary>The same settings for this process and every host process, so both work one task hub and one set of tables.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Storage:ConnectionString"] = ConnectionString,
        ["Storage:Prefix"] = Prefix,
        ["Email:ApiKey"] = "SG.test-key-not-secret",
        ["Email:Host"] = Sink.BaseUrl,
        ["Email:FromAddress"] = "pv01@congan.bacgiang.example",
        ["Email:LedgerConnectionString"] = ConnectionString,
        ["Email:LedgerTable"] = LedgerTable,
        ["Cycle:LinkKey"] = LinkKey,
        ["Cycle:PublicBaseUrl"] = "http://127.0.0.1:7071",
        ["Cycle:ReceiptPrefix"] = "BG",
        ["DurableTask:ConnectionString"] = ConnectionString,
        ["DurableTask:TaskHubName"] = TaskHub,
    };

    /// <summary>The host's environment: the shared settings, an operator key and its port.</summary>
    public IEnumerable<(string Name, string Value)> HostSettings(int port) =>
        Settings.Select(s => (s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value))
            .Append(("Operator__ApiKey", OperatorKey))
            .Append(("Host__Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(("Logging__LogLevel__Default", "Warning"));

    public async Task InitializeAsync()
    {
        Sink = await MailSinkServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());
        services.AddReportingCycles();
        var engine = new DurableEngineOptions { ConnectionString = ConnectionString, TaskHubName = TaskHub };
        services.AddSingleton(new AzureStorageOrchestrationService(EngineServiceCollectionExtensions.Settings(engine, NullLoggerFactory.Instance)));
        services.AddSingleton<DurableTaskClient>(sp => new LocalDurableTaskClient(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        _services = services.BuildServiceProvider();
        await Engine.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await Sink.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        var blobs = new BlobServiceClient(ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: Prefix))
        {
            // The task hub's app lease outlives a killed host: break it, then delete.
            try
            {
                await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(blobs.GetBlobContainerClient(container.Name)).BreakAsync(TimeSpan.Zero);
            }
            catch (Azure.RequestFailedException)
            {
                // No lease to break.
            }

            await blobs.DeleteBlobContainerAsync(container.Name);
        }

        var tables = new TableServiceClient(ConnectionString);
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(Prefix) >= 0 && t.Name.CompareTo(Prefix + "{") < 0))
        {
            await tables.DeleteTableAsync(table.Name);
        }

        var queues = new Azure.Storage.Queues.QueueServiceClient(ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: Prefix))
        {
            await queues.DeleteQueueAsync(queue.Name);
        }
    }
}
