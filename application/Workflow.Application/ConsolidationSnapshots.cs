using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Workflow.Application;

/// <summary>
/// Consolidations taken while a cycle runs, each kept whole under a folder of its own in the exports container:
/// <c>{cycle}/consolidations/{snapshot}/</c> holds its CSV files, its workbook and <c>snapshot.json</c> (the record,
/// written last and only once), so a snapshot never overwrites the final exports (<c>{cycle}/…</c>) or another snapshot.
/// Taking one records a line in the cycle's timeline.
/// </summary>
public sealed class ConsolidationSnapshots(IPlanStore plans, IStatusStore status, CycleConsolidation consolidation, CycleTally tally, TimeProvider time, IOptions<StorageOptions> storage)
{
    /// <summary>A list shows the newest; the rest stay stored and readable by id.</summary>
    public const int MaxListed = 200;

    private const string Record = "snapshot.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly BlobContainerClient _exports = new BlobServiceClient(storage.Value.ConnectionString).GetBlobContainerClient(storage.Value.ExportContainer);

    /// <summary>The folder of a cycle's snapshots, and of one snapshot.</summary>
    public static string Folder(string cycleId, string? snapshotId = null) =>
        snapshotId is null ? $"{cycleId}/consolidations/" : $"{cycleId}/consolidations/{snapshotId}";

    /// <summary>
    /// Consolidates the cycle as of <see cref="SnapshotRequest.At"/> and keeps it. A snapshot already stored under the
    /// id is returned as it is, so a retried activity never takes a second one or changes the one people cite.
    /// </summary>
    public async Task<ConsolidationSnapshot> TakeAsync(SnapshotRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await plans.GetAsync(request.CycleId, cancellationToken)
            ?? throw new InvalidOperationException($"Cycle '{request.CycleId}' has no recorded plan.");
        if (await GetAsync(request.CycleId, request.SnapshotId, cancellationToken) is { } existing)
        {
            // An attempt that stored the record and died before its timeline line: the line is written once, here.
            await NoteAsync(plan, existing, cancellationToken);
            return existing;
        }

        var (rounds, roundFailures) = await consolidation.CurrentRoundsAsync(plan, request.CycleId, cancellationToken);
        var folder = Folder(request.CycleId, request.SnapshotId);
        var summary = await consolidation.ConsolidateAsync(plan, new ConsolidationRequest(request.CycleId, rounds), folder, cancellationToken);
        var figures = await tally.CountAsync(plan, request.CycleId, request.At, cancellationToken);
        var snapshot = new ConsolidationSnapshot(
            request.SnapshotId, request.CycleId, request.At.ToUniversalTime(), time.GetUtcNow(), request.RequestedBy, request.Milestone,
            figures.Expected, figures.OnTime, figures.Late, figures.Missing, figures.Pending,
            summary.Rounds, summary.Exports, [.. roundFailures.Concat(summary.Failures ?? []).Select(f => f with { At = request.At })], request.Note);

        var blob = _exports.GetBlobClient($"{folder}/{Record}");
        try
        {
            await blob.UploadAsync(BinaryData.FromObjectAsJson(snapshot, Json), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another attempt of the same step stored it first: that one stands.
            snapshot = await GetAsync(request.CycleId, request.SnapshotId, cancellationToken) ?? snapshot;
        }

        await NoteAsync(plan, snapshot, cancellationToken);
        return snapshot;
    }

    /// <summary>Who asked, as people read it: the operator's name, or the milestone that took it.</summary>
    public static string Requester(Plan plan, ConsolidationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Milestone is { } id ? $"Tự động theo mốc «{plan.SubjectTitle(id) ?? id}»" : snapshot.RequestedBy;
    }

    /// <summary>The cycle's snapshots, oldest first (by business instant, then by when they were taken); at most <see cref="MaxListed"/>, the newest.</summary>
    public async Task<IReadOnlyList<ConsolidationSnapshot>> ListAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        try
        {
            await foreach (var item in _exports.GetBlobsAsync(BlobTraits.None, BlobStates.None, Folder(cycleId), cancellationToken))
            {
                if (item.Name.EndsWith($"/{Record}", StringComparison.Ordinal))
                {
                    names.Add(item.Name);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No consolidation has written the container yet.
            return [];
        }

        // Ids start with their instant, so the newest names come last.
        var snapshots = new List<ConsolidationSnapshot>();
        foreach (var name in names.Order(StringComparer.Ordinal).TakeLast(MaxListed))
        {
            if (await ReadAsync(name, cancellationToken) is { } snapshot)
            {
                snapshots.Add(snapshot);
            }
        }

        return [.. snapshots.OrderBy(s => s.At).ThenBy(s => s.TakenAt)];
    }

    public Task<ConsolidationSnapshot?> GetAsync(string cycleId, string snapshotId, CancellationToken cancellationToken = default) =>
        ReadAsync($"{Folder(cycleId, snapshotId)}/{Record}", cancellationToken);

    /// <summary>The last snapshot taken at or before a business instant: the one a milestone's mail cites when it took none itself.</summary>
    public async Task<ConsolidationSnapshot?> LatestAsync(string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        (await ListAsync(cycleId, cancellationToken)).LastOrDefault(s => s.At <= at);

    /// <summary>One of a snapshot's files, by the name its record lists (nothing else is reachable); null when there is none.</summary>
    public async Task<BinaryData?> ReadExportAsync(ConsolidationSnapshot snapshot, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var path = $"{Folder(snapshot.CycleId, snapshot.Id)}/{name}";
        return snapshot.Exports.Contains(path, StringComparer.Ordinal) ? await consolidation.ReadExportAsync(path, cancellationToken) : null;
    }

    /// <summary>The file names of a snapshot's exports, without its folder.</summary>
    public static IEnumerable<string> ExportNames(ConsolidationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var folder = Folder(snapshot.CycleId, snapshot.Id) + "/";
        return snapshot.Exports.Where(e => e.StartsWith(folder, StringComparison.Ordinal)).Select(e => e[folder.Length..]);
    }

    private Task NoteAsync(Plan plan, ConsolidationSnapshot snapshot, CancellationToken cancellationToken) =>
        status.AppendCycleEventAsync(new CycleEvent(
            snapshot.CycleId, EventKeys.Of("snapshot", snapshot.Id), snapshot.At, "consolidation-snapshot", "Tổng hợp nhanh, kỳ báo cáo vẫn tiếp tục",
            $"Mã {snapshot.Id}; {Requester(plan, snapshot)}; đúng hạn {snapshot.OnTime}, muộn {snapshot.Late}, quá hạn chưa nộp {snapshot.Missing}, "
            + $"chưa nộp (còn hạn) {snapshot.Pending}; {snapshot.Exports.Count} tệp.{(snapshot.Note is { Length: > 0 } note ? $" Ghi chú: {note}" : "")}"),
            cancellationToken);

    private async Task<ConsolidationSnapshot?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _exports.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<ConsolidationSnapshot>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
