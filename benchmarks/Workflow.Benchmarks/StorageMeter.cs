using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Azure.Data.Tables;

namespace Workflow.Benchmarks;

/// <summary>
/// Counts every HTTP request this process makes, by service, from .NET's own <c>System.Net.Http</c> metrics
/// (<c>http.client.request.duration</c>, one measurement per request, tagged with the server's port). Azurite serves
/// blob, queue and table on their own ports, so this counts every Azure SDK request of DTFx and of the product's
/// adapters alike (retries and idle queue polls included), in the data and the task hub's accounts, and the SendGrid requests
/// to the sink separately.
/// </summary>
internal sealed class StorageMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<int, long> _byPort = new();
    private readonly Dictionary<int, string> _services;

    public StorageMeter(string storageConnection, int sinkPort)
    {
        _services = new Dictionary<int, string> { [sinkPort] = "sendgrid" };
        foreach (var part in string.Join(';', HubStorage.All(storageConnection)).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (part[..part.IndexOf('=', StringComparison.Ordinal)], part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (key.EndsWith("Endpoint", StringComparison.Ordinal) && Uri.TryCreate(value, UriKind.Absolute, out var uri))
            {
                _services[uri.Port] = key[..^"Endpoint".Length].ToLowerInvariant();
            }
        }

        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int port)
                {
                    _byPort.AddOrUpdate(port, 1, (_, n) => n + 1);
                }
            }
        });
        _listener.Start();
    }

    public StorageCount Snapshot()
    {
        long Of(string service) => _byPort.Where(p => _services.TryGetValue(p.Key, out var s) && s == service).Sum(p => p.Value);
        return new StorageCount(Of("blob"), Of("queue"), Of("table"), Of("sendgrid"));
    }

    /// <summary>OrchestratorStarted events in the task hub's History table: one per episode, across every instance.</summary>
    public static async Task<long> CountHistoryAsync(string storageConnection, string taskHub, string eventType, CancellationToken cancellationToken = default)
    {
        var table = new TableClient(HubStorage.TrackingOr(storageConnection), $"{taskHub}History");
        long count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"EventType eq {eventType}"), maxPerPage: 1000, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    public void Dispose() => _listener.Dispose();
}
