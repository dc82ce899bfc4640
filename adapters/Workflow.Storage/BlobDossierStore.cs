using System.Globalization;
using System.Text;
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
/// </summary>
public sealed partial class BlobDossierStore : IDossierStore
{
    private const int MaxCreateAttempts = 20;

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
        var versions = await ListVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        var next = versions.Count == 0 ? 1 : versions[^1].Version + 1;
        for (var attempt = 0; attempt < MaxCreateAttempts; attempt++, next++)
        {
            var created = await TryCreateVersionAsync(key, next, upload, cancellationToken).ConfigureAwait(false);
            if (created is not null)
            {
                return created;
            }

            // Another upload for the same unit took this version a moment ago: take the next one.
            Log.VersionTaken(_logger, key.ToString(), next);
        }

        throw new InvalidOperationException($"Could not find a free version for {key} after {MaxCreateAttempts} attempts.");
    }

    public async Task<DossierVersion?> TryCreateVersionAsync(SubmissionKey key, int version, DossierUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        await _created.Value.ConfigureAwait(false);
        var name = BlobName(key, version);
        var stored = new DossierVersion(
            key, version, name, upload.FileName, upload.ContentType, upload.Content.ToMemory().Length,
            Sha256Hex.Of(upload.Content), upload.ReceiptNumber, upload.ReceivedAt.ToUniversalTime(), upload.Late);
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            Metadata = ToMetadata(stored),
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = upload.ContentType,
                ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(upload.FileName)}",
            },
        };
        try
        {
            await _container.GetBlobClient(name).UploadAsync(upload.Content, options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 || ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            return null;
        }

        Log.VersionStored(_logger, name, upload.ReceiptNumber);
        return stored;
    }

    public async Task<IReadOnlyList<DossierVersion>> ListVersionsAsync(SubmissionKey key, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var versions = new List<DossierVersion>();
        var options = new GetBlobsOptions { Prefix = Prefix(key), Traits = BlobTraits.Metadata };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            if (TryParseVersion(key, item.Name, out var version))
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

    private static bool TryParseVersion(SubmissionKey key, string name, out int version) =>
        int.TryParse(name.AsSpan(Prefix(key).Length), NumberStyles.None, CultureInfo.InvariantCulture, out version);

    // Metadata values must be ASCII: the original (Vietnamese) name travels base64-encoded UTF-8.
    private static Dictionary<string, string> ToMetadata(DossierVersion v) => new()
    {
        ["sha256"] = v.Sha256,
        ["size"] = v.Size.ToString(CultureInfo.InvariantCulture),
        ["contenttype"] = v.ContentType,
        ["filename_b64"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(v.FileName)),
        ["receipt"] = v.ReceiptNumber,
        ["receivedat"] = v.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
        ["late"] = v.Late ? "true" : "false",
    };

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
        m["late"] == "true");

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Stored dossier {BlobName} with receipt {ReceiptNumber}")]
        public static partial void VersionStored(ILogger logger, string blobName, string receiptNumber);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Dossier version {Version} of {Key} was taken concurrently; trying the next")]
        public static partial void VersionTaken(ILogger logger, string key, int version);
    }
}
