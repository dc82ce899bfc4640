using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// Dossiers in a private blob container at <c>{cycle}/{unit}/{subject}/v0001</c>. The version is the blob name and
/// the file name travels in metadata and Content-Disposition: with the name in the path, two different names could
/// share one version and the If-None-Match guard would not protect it.
/// <para>
/// A new version is first claimed with an empty pending blob (a lost race costs a few bytes, not the file), then
/// filled under the claim's ETag. Pending versions carry their batch in metadata and stay invisible to lists and
/// downloads until <see cref="CommitAsync"/>; each batch has a marker under <c>.pending/</c> (no cycle id starts with
/// a dot) so the reconciler finds a dead writer's blobs without listing the whole container.
/// </para>
/// </summary>
public sealed partial class BlobDossierStore : IDossierStore
{
    private const int MaxCreateAttempts = 500;
    private const string PendingPrefix = ".pending/";
    private const string PendingKey = "pending";
    private const string IndexKey = "batchindex";
    private const string StartedKey = "startedat";
    private const string FormKey = "form";

    private static readonly JsonSerializerOptions MarkerJson = new(JsonSerializerDefaults.Web);

    private readonly BlobContainerClient _container;
    private readonly ILogger<BlobDossierStore> _logger;
    private readonly Lazy<Task> _created;

    public BlobDossierStore(IOptions<StorageOptions> options, ILogger<BlobDossierStore> logger)
    {
        var value = options.Value;
        _container = new BlobServiceClient(value.ConnectionString).GetBlobContainerClient(value.DossierContainer);
        _logger = logger;
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync(PublicAccessType.None));
    }

    public async Task<DossierVersion> AddVersionAsync(SubmissionKey key, DossierUpload upload, CancellationToken cancellationToken = default)
    {
        var pending = await AddPendingVersionAsync(key, upload, UploadAudit.NewAttemptId(upload.ReceivedAt), 0, cancellationToken).ConfigureAwait(false);
        await SetMetadataAsync(pending, null, cancellationToken).ConfigureAwait(false);
        return pending;
    }

    public async Task<DossierVersion?> TryCreateVersionAsync(SubmissionKey key, int version, DossierUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        await _created.Value.ConfigureAwait(false);
        var stored = Describe(key, version, upload);
        var options = UploadOptions(stored, upload, new BlobRequestConditions { IfNoneMatch = ETag.All }, batch: null);
        try
        {
            await _container.GetBlobClient(stored.BlobName).UploadAsync(upload.Content, options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 || ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            return null;
        }

        Log.VersionStored(_logger, stored.BlobName, upload.ReceiptNumber);
        return stored;
    }

    public async Task BeginAsync(PendingBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _created.Value.ConfigureAwait(false);
        var options = new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [StartedKey] = batch.StartedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        };
        await _container.GetBlobClient(MarkerName(batch)).UploadAsync(BinaryData.FromObjectAsJson(batch, MarkerJson), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DossierVersion> AddPendingVersionAsync(SubmissionKey key, DossierUpload upload, string batchId, int index, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await _created.Value.ConfigureAwait(false);
        var next = await NextFreeVersionAsync(key, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxCreateAttempts; attempt++)
        {
            var stored = Describe(key, next, upload);
            var blob = _container.GetBlobClient(stored.BlobName);
            Response<BlobContentInfo> claim;
            try
            {
                // The claim: an empty pending blob, created only if the version is free.
                claim = await blob.UploadAsync(BinaryData.Empty, UploadOptions(stored, upload, new BlobRequestConditions { IfNoneMatch = ETag.All }, (batchId, index)), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409 || ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
            {
                // Another upload for the same unit took this version a moment ago: jump past everything taken since.
                Log.VersionTaken(_logger, key.ToString(), next);
                next = Math.Max(next + 1, await NextFreeVersionAsync(key, cancellationToken).ConfigureAwait(false));
                continue;
            }

            await blob.UploadAsync(upload.Content, UploadOptions(stored, upload, new BlobRequestConditions { IfMatch = claim.Value.ETag }, (batchId, index)), cancellationToken).ConfigureAwait(false);
            Log.VersionStored(_logger, stored.BlobName, upload.ReceiptNumber);
            return stored;
        }

        throw new InvalidOperationException($"Could not find a free version for {key} after {MaxCreateAttempts} attempts.");
    }

    public async Task CommitAsync(PendingBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (version, _) in await PendingOfAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            await SetMetadataAsync(version, null, cancellationToken).ConfigureAwait(false);
        }

        await _container.GetBlobClient(MarkerName(batch)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task DiscardAsync(PendingBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (version, _) in await PendingOfAsync(batch, cancellationToken).ConfigureAwait(false))
        {
            await _container.GetBlobClient(version.BlobName).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.VersionDiscarded(_logger, version.BlobName, batch.BatchId);
        }

        await _container.GetBlobClient(MarkerName(batch)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DossierVersion>> ListPendingVersionsAsync(PendingBatch batch, CancellationToken cancellationToken = default) =>
        [.. (await PendingOfAsync(batch, cancellationToken).ConfigureAwait(false)).OrderBy(p => p.Index).Select(p => p.Version)];

    public async Task<IReadOnlyList<PendingBatch>> ListStaleBatchesAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var stale = new List<PendingBatch>();
        var options = new GetBlobsOptions { Prefix = PendingPrefix, Traits = BlobTraits.Metadata };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            if (item.Metadata.TryGetValue(StartedKey, out var started)
                && DateTimeOffset.Parse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) >= startedBefore)
            {
                continue;
            }

            try
            {
                var content = await _container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                if (content.Value.Content.ToObjectFromJson<PendingBatch>(MarkerJson) is { } batch)
                {
                    stale.Add(batch);
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Finished by its writer since the listing.
            }
        }

        return stale;
    }

    public async Task<IReadOnlyList<DossierVersion>> ListVersionsAsync(SubmissionKey key, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var versions = new List<DossierVersion>();
        var options = new GetBlobsOptions { Prefix = Prefix(key), Traits = BlobTraits.Metadata };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            if (TryParseVersion(key, item.Name, out var version) && !item.Metadata.ContainsKey(PendingKey))
            {
                versions.Add(FromMetadata(key, version, item.Name, item.Metadata));
            }
        }

        return [.. versions.OrderBy(v => v.Version)];
    }

    public async Task<DossierFile?> DownloadAsync(SubmissionKey key, int version, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var name = BlobName(key, version);
        try
        {
            var result = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            if (result.Value.Details.Metadata.ContainsKey(PendingKey))
            {
                // Not accepted (yet): a pending version is nobody's file.
                return null;
            }

            var info = FromMetadata(key, version, name, result.Value.Details.Metadata);
            // A stored file must still be the file the receipt was issued for.
            var actual = Sha256Hex.Of(result.Value.Content);
            if (!string.Equals(actual, info.Sha256, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Blob {name} has SHA-256 {actual}, but {info.Sha256} was recorded when it was accepted.");
            }

            return new DossierFile(info, result.Value.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    internal static string Prefix(SubmissionKey key) => $"{key.CycleId}/{key.UnitId}/{key.SubjectId}/v";

    internal static string BlobName(SubmissionKey key, int version) => Prefix(key) + version.ToString("D4", CultureInfo.InvariantCulture);

    private static string MarkerName(PendingBatch batch) => $"{PendingPrefix}{batch.Key.CycleId}/{batch.Key.UnitId}/{batch.Key.SubjectId}/{SubmissionKey.Check(batch.BatchId, nameof(batch))}";

    private static bool TryParseVersion(SubmissionKey key, string name, out int version) =>
        int.TryParse(name.AsSpan(Prefix(key).Length), NumberStyles.None, CultureInfo.InvariantCulture, out version);

    private static DossierVersion Describe(SubmissionKey key, int version, DossierUpload upload) => new(
        key, version, BlobName(key, version), upload.FileName, upload.ContentType, upload.Content.ToMemory().Length,
        Sha256Hex.Of(upload.Content), upload.ReceiptNumber, upload.ReceivedAt.ToUniversalTime(), upload.Late) { Form = upload.Form };

    private static BlobUploadOptions UploadOptions(DossierVersion stored, DossierUpload upload, BlobRequestConditions conditions, (string Id, int Index)? batch) => new()
    {
        Conditions = conditions,
        Metadata = ToMetadata(stored, batch),
        HttpHeaders = new BlobHttpHeaders
        {
            ContentType = upload.ContentType,
            ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(upload.FileName)}",
        },
    };

    /// <summary>The next version after every blob of the key, pending ones included (they hold their number).</summary>
    private async Task<int> NextFreeVersionAsync(SubmissionKey key, CancellationToken cancellationToken)
    {
        var highest = 0;
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix(key) }, cancellationToken).ConfigureAwait(false))
        {
            if (TryParseVersion(key, item.Name, out var version))
            {
                highest = Math.Max(highest, version);
            }
        }

        return highest + 1;
    }

    private async Task<List<(DossierVersion Version, int Index)>> PendingOfAsync(PendingBatch batch, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        var found = new List<(DossierVersion, int)>();
        var options = new GetBlobsOptions { Prefix = Prefix(batch.Key), Traits = BlobTraits.Metadata };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            if (TryParseVersion(batch.Key, item.Name, out var version) && item.Metadata.TryGetValue(PendingKey, out var id) && id == batch.BatchId)
            {
                var index = item.Metadata.TryGetValue(IndexKey, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
                found.Add((FromMetadata(batch.Key, version, item.Name, item.Metadata), index));
            }
        }

        return found;
    }

    /// <summary>Rewrites a version's metadata without the batch marks: from here on it is an accepted file.</summary>
    private async Task SetMetadataAsync(DossierVersion version, (string Id, int Index)? batch, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(version.BlobName).SetMetadataAsync(ToMetadata(version, batch), cancellationToken: cancellationToken).ConfigureAwait(false);

    // Metadata values must be ASCII: the original (Vietnamese) name travels base64-encoded UTF-8.
    private static Dictionary<string, string> ToMetadata(DossierVersion v, (string Id, int Index)? batch)
    {
        var metadata = new Dictionary<string, string>
        {
            ["sha256"] = v.Sha256,
            ["size"] = v.Size.ToString(CultureInfo.InvariantCulture),
            ["contenttype"] = v.ContentType,
            ["filename_b64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(v.FileName)),
            ["receipt"] = v.ReceiptNumber,
            ["receivedat"] = v.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            ["late"] = v.Late ? "true" : "false",
        };
        if (v.Form is { } form)
        {
            // Escaped: metadata takes ASCII only.
            metadata[FormKey] = Uri.EscapeDataString(form);
        }

        if (batch is { } b)
        {
            metadata[PendingKey] = b.Id;
            metadata[IndexKey] = b.Index.ToString(CultureInfo.InvariantCulture);
        }

        return metadata;
    }

    private static DossierVersion FromMetadata(SubmissionKey key, int version, string name, IDictionary<string, string> m) => new(
        key,
        version,
        name,
        Encoding.UTF8.GetString(Convert.FromBase64String(m["filename_b64"])),
        m["contenttype"],
        long.Parse(m["size"], CultureInfo.InvariantCulture),
        m["sha256"],
        m["receipt"],
        DateTimeOffset.Parse(m["receivedat"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        m["late"] == "true")
    {
        Form = m.TryGetValue(FormKey, out var form) ? Uri.UnescapeDataString(form) : null,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Stored dossier {BlobName} with receipt {ReceiptNumber}")]
        public static partial void VersionStored(ILogger logger, string blobName, string receiptNumber);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Dossier version {Version} of {Key} was taken concurrently; trying the next")]
        public static partial void VersionTaken(ILogger logger, string key, int version);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Discarded pending dossier {BlobName} of batch {BatchId}: the upload was not accepted")]
        public static partial void VersionDiscarded(ILogger logger, string blobName, string batchId);
    }
}
