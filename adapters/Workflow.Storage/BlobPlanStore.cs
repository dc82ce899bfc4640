using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Workflow.Domain.Serialization;

namespace Workflow.Storage;

/// <summary>Plans as JSON blobs ("{cycle}.plan.json"), created conditionally; cached since they never change.</summary>
public sealed class BlobPlanStore : IPlanStore
{
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;
    private readonly ConcurrentDictionary<string, Plan> _cache = new(StringComparer.Ordinal);

    public BlobPlanStore(IOptions<StorageOptions> options)
    {
        var value = options.Value;
        _container = new BlobServiceClient(value.ConnectionString).GetBlobContainerClient(value.PlanContainer);
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync(PublicAccessType.None));
    }

    public async Task SaveAsync(string cycleId, Plan plan, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var json = PlanJson.Write(plan);
        var blob = _container.GetBlobClient(BlobName(cycleId));
        try
        {
            await blob.UploadAsync(BinaryData.FromString(json), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // A retried activity stores the same plan again; anything else would rewrite a running cycle.
            var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            if (existing.Value.Content.ToString() != json)
            {
                throw new InvalidOperationException($"Cycle '{cycleId}' already has a different plan.", ex);
            }
        }

        _cache[cycleId] = plan;
    }

    public async Task<Plan?> GetAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(cycleId, out var cached))
        {
            return cached;
        }

        await _created.Value.ConfigureAwait(false);
        try
        {
            var content = await _container.GetBlobClient(BlobName(cycleId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var plan = PlanJson.Read(content.Value.Content.ToString()).Plan
                ?? throw new InvalidOperationException($"The stored plan of cycle '{cycleId}' cannot be read.");
            return _cache[cycleId] = plan;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string BlobName(string cycleId) => $"{SubmissionKey.Check(cycleId, nameof(cycleId))}.plan.json";
}
