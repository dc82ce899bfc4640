using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// Plan drafts as blobs "{draft}/{int.MaxValue − version:D10}.plan.json": the inverted, zero-padded number makes a listing
/// (which Blob Storage returns in name order) start with the latest version, so a save reads one blob's metadata to number
/// the next. Each version is created with If-None-Match: *, so of two saves racing for one number one gets 409 and takes
/// the next. Who saved, when, and the plan's id and title travel in the metadata (base64 for any text), so lists need no
/// download.
/// </summary>
public sealed class BlobPlanDrafts : IPlanDrafts
{
    /// <summary>A listing shows the title; the whole of it is in the content. Metadata holds 8 KiB in all.</summary>
    public const int MaxTitleLength = 500;

    /// <summary>The plan id and who saved are short; a longer one is cut, not refused (a draft is saved as it is).</summary>
    public const int MaxNameLength = 200;

    private const int MaxRaces = 20;
    private const string Suffix = ".plan.json";
    private const string VersionKey = "version";
    private const string SavedAtKey = "savedat";
    private const string SavedByKey = "savedby_b64";
    private const string PlanIdKey = "planid_b64";
    private const string TitleKey = "title_b64";
    private const string ErrorCountKey = "errorcount";
    private const string Sha256Key = "sha256";

    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    public BlobPlanDrafts(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _container = new BlobServiceClient(value.ConnectionString).GetBlobContainerClient(value.PlanDraftContainer);
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync(PublicAccessType.None));
    }

    public async Task<PlanDraftWrite> SaveAsync(string draftId, BinaryData content, PlanDraftNote note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(note);
        SubmissionKey.Check(draftId, nameof(draftId));
        await _created.Value.ConfigureAwait(false);
        var sha256 = Sha256Hex.Of(content);
        for (var race = 0; race < MaxRaces; race++)
        {
            var latest = await LatestAsync(draftId, cancellationToken).ConfigureAwait(false);
            // Same SHA-256, same bytes: an editor saving again without a change makes no version.
            if (latest is not null && latest.Sha256 == sha256)
            {
                return new PlanDraftWrite(latest, Created: false);
            }

            var version = new PlanDraftVersion(
                draftId, checked((latest?.Version ?? 0) + 1), note.SavedAt.ToUniversalTime(), Cut(note.SavedBy, MaxNameLength) ?? "",
                Cut(note.PlanId, MaxNameLength), Cut(note.Title, MaxTitleLength), note.ErrorCount, sha256);
            try
            {
                await _container.GetBlobClient(BlobName(draftId, version.Version)).UploadAsync(content, new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                    Metadata = ToMetadata(version),
                }, cancellationToken).ConfigureAwait(false);
                return new PlanDraftWrite(version, Created: true);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another save took this number first: read the latest again, it may even hold these bytes.
            }
        }

        throw new InvalidOperationException($"Draft '{draftId}' kept getting new versions under {MaxRaces} attempts to save one.");
    }

    public async Task<IReadOnlyList<PlanDraftVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var latest = new Dictionary<string, PlanDraftVersion>(StringComparer.Ordinal);
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            // Names sort each draft's latest version first.
            if (FromItem(item) is { } version)
            {
                latest.TryAdd(version.DraftId, version);
            }
        }

        return [.. latest.Values.OrderByDescending(v => v.SavedAt).ThenBy(v => v.DraftId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<PlanDraftVersion>> VersionsAsync(string draftId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var versions = new List<PlanDraftVersion>();
        await foreach (var item in _container.GetBlobsAsync(Prefix(draftId), cancellationToken).ConfigureAwait(false))
        {
            if (FromItem(item) is { } version)
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    public async Task<PlanDraftFile?> GetAsync(string draftId, int version, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(draftId, nameof(draftId));
        if (version < 1)
        {
            return null;
        }

        await _created.Value.ConfigureAwait(false);
        try
        {
            var result = await _container.GetBlobClient(BlobName(draftId, version)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return FromMetadata(draftId, version, result.Value.Details.Metadata) is { } stored ? new PlanDraftFile(stored, result.Value.Content) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The latest version's metadata: the first blob under the draft's name.</summary>
    private async Task<PlanDraftVersion?> LatestAsync(string draftId, CancellationToken cancellationToken)
    {
        await foreach (var page in _container.GetBlobsAsync(Prefix(draftId), cancellationToken).AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            // A page may come back empty with a continuation; the first blob of the first non-empty page is the latest.
            if (page.Values.Count > 0)
            {
                return FromItem(page.Values[0]);
            }
        }

        return null;
    }

    private static GetBlobsOptions Prefix(string draftId) =>
        new() { Prefix = $"{SubmissionKey.Check(draftId, nameof(draftId))}/", Traits = BlobTraits.Metadata };

    private static string BlobName(string draftId, int version) =>
        $"{SubmissionKey.Check(draftId, nameof(draftId))}/{(int.MaxValue - version).ToString("D10", CultureInfo.InvariantCulture)}{Suffix}";

    /// <summary>A listed version; null for a blob not named or described as this store writes them.</summary>
    private static PlanDraftVersion? FromItem(BlobItem item)
    {
        var slash = item.Name.LastIndexOf('/');
        if (slash <= 0 || !item.Name.EndsWith(Suffix, StringComparison.Ordinal)
            || !int.TryParse(item.Name.AsSpan(slash + 1, item.Name.Length - slash - 1 - Suffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var inverted)
            || inverted == int.MaxValue)
        {
            return null;
        }

        return FromMetadata(item.Name[..slash], int.MaxValue - inverted, item.Metadata);
    }

    private static Dictionary<string, string> ToMetadata(PlanDraftVersion version)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VersionKey] = version.Version.ToString(CultureInfo.InvariantCulture),
            [SavedAtKey] = version.SavedAt.ToString("O", CultureInfo.InvariantCulture),
            [SavedByKey] = Encode(version.SavedBy),
            [ErrorCountKey] = version.ErrorCount.ToString(CultureInfo.InvariantCulture),
            [Sha256Key] = version.Sha256,
        };
        if (version.PlanId is { } planId)
        {
            metadata[PlanIdKey] = Encode(planId);
        }

        if (version.Title is { } title)
        {
            metadata[TitleKey] = Encode(title);
        }

        return metadata;
    }

    private static PlanDraftVersion? FromMetadata(string draftId, int version, IDictionary<string, string>? metadata)
    {
        // Metadata keys come back in any case.
        var m = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        if (!m.TryGetValue(SavedAtKey, out var savedAt)
            || !DateTimeOffset.TryParse(savedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            || !m.TryGetValue(Sha256Key, out var sha256))
        {
            return null;
        }

        return new PlanDraftVersion(
            draftId, version, at.ToUniversalTime(), Decode(m.GetValueOrDefault(SavedByKey)) ?? "", Decode(m.GetValueOrDefault(PlanIdKey)), Decode(m.GetValueOrDefault(TitleKey)),
            int.TryParse(m.GetValueOrDefault(ErrorCountKey), NumberStyles.None, CultureInfo.InvariantCulture, out var errors) ? errors : 0, sha256);
    }

    private static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string? Decode(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var length) ? Encoding.UTF8.GetString(bytes, 0, length) : null;
    }

    /// <summary>At most <paramref name="length"/> characters, never half a surrogate pair.</summary>
    private static string? Cut(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)] + "…";
}
