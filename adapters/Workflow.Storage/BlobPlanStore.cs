using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Workflow.Domain.Serialization;

namespace Workflow.Storage;

/// <summary>
/// Plans as JSON blobs: the current one is "{cycle}.plan.json", created conditionally and amended only under its ETag;
/// each version an amendment replaces is kept as "versions/{cycle}/{n}.plan.json" for audit. Reads check the ETag
/// (one small request) and parse again only when it changed, since another process (a host, the Functions app, the
/// upload boundary) may have amended the plan.
/// </summary>
public sealed class BlobPlanStore : IPlanStore
{
    private const string VersionKey = "version";
    private const int MaxRaces = 20;

    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;
    private readonly ConcurrentDictionary<string, (Plan Plan, ETag ETag)> _cache = new(StringComparer.Ordinal);

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
            var stored = await blob.UploadAsync(BinaryData.FromString(json), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Metadata = Version(1),
            }, cancellationToken).ConfigureAwait(false);
            _cache[cycleId] = (plan, stored.Value.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // A retried activity stores the same plan again; anything else would rewrite a running cycle.
            var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            if (existing.Value.Content.ToString() != json)
            {
                throw new InvalidOperationException($"Cycle '{cycleId}' already has a different plan.", ex);
            }

            _cache[cycleId] = (plan, existing.Value.Details.ETag);
        }
    }

    public async Task<Plan?> GetAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var blob = _container.GetBlobClient(BlobName(cycleId));
        if (_cache.TryGetValue(cycleId, out var cached))
        {
            try
            {
                var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                if (properties.Value.ETag == cached.ETag)
                {
                    return cached.Plan;
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                _cache.TryRemove(cycleId, out _);
                return null;
            }
        }

        return (await ReadAsync(cycleId, cancellationToken).ConfigureAwait(false))?.Plan;
    }

    public async Task<Plan?> UpdateAsync(string cycleId, Func<Plan, Plan?> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _created.Value.ConfigureAwait(false);
        var blob = _container.GetBlobClient(BlobName(cycleId));
        for (var race = 0; race < MaxRaces; race++)
        {
            if (await ReadAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return null;
            }

            if (change(current.Plan) is not { } amended)
            {
                return current.Plan;
            }

            // The version being replaced is kept first, so no version is ever lost, even by a writer that dies here.
            await KeepAsync(cycleId, current.Version, current.Json, cancellationToken).ConfigureAwait(false);
            try
            {
                var stored = await blob.UploadAsync(BinaryData.FromString(PlanJson.Write(amended)), new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfMatch = current.ETag },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                    Metadata = Version(current.Version + 1),
                }, cancellationToken).ConfigureAwait(false);
                _cache[cycleId] = (amended, stored.Value.ETag);
                return amended;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer amended it first: read its version and apply the change to that.
            }
        }

        throw new InvalidOperationException($"The plan of cycle '{cycleId}' kept changing under {MaxRaces} attempts to amend it.");
    }

    /// <summary>The current version, parsed, with its ETag and number; null when the cycle has no plan.</summary>
    private async Task<(Plan Plan, ETag ETag, int Version, string Json)?> ReadAsync(string cycleId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobName(cycleId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var json = content.Value.Content.ToString();
            var etag = content.Value.Details.ETag;
            var plan = _cache.TryGetValue(cycleId, out var cached) && cached.ETag == etag
                ? cached.Plan
                : PlanJson.Read(json).Plan ?? throw new InvalidOperationException($"The stored plan of cycle '{cycleId}' cannot be read.");
            _cache[cycleId] = (plan, etag);
            var version = content.Value.Details.Metadata.TryGetValue(VersionKey, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
            return (plan, etag, version, json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            _cache.TryRemove(cycleId, out _);
            return null;
        }
    }

    private async Task KeepAsync(string cycleId, int version, string json, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetBlobClient($"versions/{SubmissionKey.Check(cycleId, nameof(cycleId))}/{version.ToString(CultureInfo.InvariantCulture)}.plan.json")
                .UploadAsync(BinaryData.FromString(json), new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Kept already by a writer that then lost the race, or by a retry: the version's content never changes.
        }
    }

    private static Dictionary<string, string> Version(int version) => new(StringComparer.Ordinal) { [VersionKey] = version.ToString(CultureInfo.InvariantCulture) };

    private static string BlobName(string cycleId) => $"{SubmissionKey.Check(cycleId, nameof(cycleId))}.plan.json";
}
