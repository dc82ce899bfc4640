using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Workflow.MailSink;

namespace Workflow.Cycle.Tests;

/// <summary>Real Azurite (WORKFLOW_STORAGE) and the recording SendGrid endpoint; uniquely named storage, removed afterwards.</summary>
public sealed class CycleFixture : IAsyncLifetime
{
    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does it).");

    public string Prefix { get; } = "c" + RandomNumberGenerator.GetHexString(10, lowercase: true);

    public string TaskHub => $"{Prefix}hub";

    public string LedgerTable => $"{Prefix}mail";

    public MailSinkServer Sink { get; private set; } = null!;

    public async Task InitializeAsync() => Sink = await MailSinkServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Sink.DisposeAsync();
        var blobs = new BlobServiceClient(ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: Prefix))
        {
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
