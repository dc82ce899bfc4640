using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using Workflow.MailSink;

namespace Workflow.Dashboard.Tests;

/// <summary>Azurite (WORKFLOW_STORAGE) under a unique prefix, the mail sink, the host on a fake clock and Chromium; all removed afterwards.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>11/03/2024 09:00 in Vietnam, the day the plan is issued; FakeTimeProvider is fed UTC only.</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2024, 3, 11, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    private readonly string _storage = Environment.GetEnvironmentVariable("WORKFLOW_STORAGE")
        ?? throw new InvalidOperationException("Set WORKFLOW_STORAGE to an Azurite connection string (./run test does it).");

    private readonly string _prefix = "d" + RandomNumberGenerator.GetHexString(10, lowercase: true);

    private LocalHost? _host;

    public FakeTimeProvider Time { get; } = new(Start);

    public MailSinkServer Sink { get; private set; } = null!;

    internal LocalHost Host => _host!;

    internal Chromium Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sink = await MailSinkServer.StartAsync();
        _host = await LocalHost.StartAsync(_storage, _prefix, Sink.BaseUrl, Time);
        Http = new HttpClient { BaseAddress = _host.Address };
        Browser = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (Sink is not null)
        {
            await Sink.DisposeAsync();
        }

        var blobs = new BlobServiceClient(_storage);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: _prefix))
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

        var tables = new TableServiceClient(_storage);
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(_prefix) >= 0 && t.Name.CompareTo(_prefix + "{") < 0))
        {
            await tables.DeleteTableAsync(table.Name);
        }

        var queues = new QueueServiceClient(_storage);
        await foreach (var queue in queues.GetQueuesAsync(prefix: _prefix))
        {
            await queues.DeleteQueueAsync(queue.Name);
        }
    }
}
