using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// Templates as blobs "{cycle}/{SHA-256 of the name}": a declared name may hold any letters (Vietnamese, spaces) and be
/// long once escaped, so the blob is named by its hash and the name travels base64-encoded in the metadata, as dossier
/// names do. One upload writes content and metadata together, so a replaced template is never seen half-written.
/// </summary>
public sealed class BlobTemplateStore : ITemplateStore
{
    private const string FileNameKey = "filename_b64";
    private const string Sha256Key = "sha256";
    private const string SizeKey = "size";
    private const string AttachedKey = "attachedat";

    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    public BlobTemplateStore(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _container = new BlobServiceClient(value.ConnectionString).GetBlobContainerClient(value.TemplateContainer);
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync(PublicAccessType.None));
    }

    public async Task<StoredTemplate> PutAsync(string cycleId, string fileName, BinaryData content, DateTimeOffset attachedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        await _created.Value.ConfigureAwait(false);
        var stored = new StoredTemplate(fileName, content.ToMemory().Length, Sha256Hex.Of(content), attachedAt.ToUniversalTime());
        await _container.GetBlobClient(BlobName(cycleId, fileName)).UploadAsync(content, new BlobUploadOptions
        {
            Metadata = ToMetadata(stored),
            HttpHeaders = new BlobHttpHeaders
            {
                ContentType = "application/octet-stream",
                ContentDisposition = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}",
            },
        }, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<TemplateFile?> GetAsync(string cycleId, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        await _created.Value.ConfigureAwait(false);
        try
        {
            var result = await _container.GetBlobClient(BlobName(cycleId, fileName)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var info = FromMetadata(result.Value.Details.Metadata);
            // What is served must be what was attached.
            var actual = Sha256Hex.Of(result.Value.Content);
            if (!string.Equals(actual, info.Sha256, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Template '{fileName}' of cycle '{cycleId}' has SHA-256 {actual}, but {info.Sha256} was recorded when it was attached.");
            }

            return new TemplateFile(info, result.Value.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<StoredTemplate>> ListAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var found = new List<StoredTemplate>();
        var options = new GetBlobsOptions { Prefix = $"{SubmissionKey.Check(cycleId, nameof(cycleId))}/", Traits = BlobTraits.Metadata };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            found.Add(FromMetadata(item.Metadata));
        }

        return found;
    }

    private static string BlobName(string cycleId, string fileName) =>
        $"{SubmissionKey.Check(cycleId, nameof(cycleId))}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileName)))}";

    private static Dictionary<string, string> ToMetadata(StoredTemplate t) => new()
    {
        [FileNameKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(t.FileName)),
        [Sha256Key] = t.Sha256,
        [SizeKey] = t.Size.ToString(CultureInfo.InvariantCulture),
        [AttachedKey] = t.AttachedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    private static StoredTemplate FromMetadata(IDictionary<string, string> m) => new(
        Encoding.UTF8.GetString(Convert.FromBase64String(m[FileNameKey])),
        long.Parse(m[SizeKey], CultureInfo.InvariantCulture),
        m[Sha256Key],
        DateTimeOffset.Parse(m[AttachedKey], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
