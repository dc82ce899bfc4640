using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// Links in the status table: partition <c>cycle-links</c>, one row per sub-cycle (read by every scope check, one point
/// read), and partition <c>children:{parent}</c>, one row per relay (the parent's list of sub-cycles, one range read).
/// </summary>
public sealed class TableCycleLinks : ICycleLinks
{
    private const string UpPartition = "cycle-links";
    private readonly TableClient _table;
    private readonly Lazy<Task> _created;

    public TableCycleLinks(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new TableServiceClient(options.Value.ConnectionString).GetTableClient(options.Value.StatusTable);
        _created = new Lazy<Task>(() => _table.CreateIfNotExistsAsync());
    }

    public async Task SaveAsync(CycleLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        SubmissionKey.Check(link.CycleId, nameof(link));
        await _created.Value.ConfigureAwait(false);
        if (await GetAsync(link.CycleId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            if (existing.ParentCycleId != link.ParentCycleId || existing.RelayUnitId != link.RelayUnitId)
            {
                throw new InvalidOperationException($"Cycle {link.CycleId} is already linked to {existing.ParentCycleId}/{existing.RelayUnitId}.");
            }

            return;
        }

        // The child row first: a crash between the two leaves a listed child whose own row the next save writes.
        await _table.UpsertEntityAsync(Entity(ChildrenPartition(link.ParentCycleId), link.RelayUnitId, link), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        try
        {
            await _table.AddEntityAsync(Entity(UpPartition, link.CycleId, link), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A concurrent save of the same link won the race.
        }
    }

    public async Task<CycleLink?> GetAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(UpPartition, cycleId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Link(row.Value!) : null;
    }

    public async Task<IReadOnlyList<CycleLink>> ChildrenAsync(string parentCycleId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var links = new List<CycleLink>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == ChildrenPartition(parentCycleId), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            links.Add(Link(row));
        }

        return links;
    }

    private static string ChildrenPartition(string parentCycleId) => $"children:{parentCycleId}";

    private static TableEntity Entity(string partition, string row, CycleLink link) => new(partition, row)
    {
        ["CycleId"] = link.CycleId,
        ["ParentCycleId"] = link.ParentCycleId,
        ["RelayUnitId"] = link.RelayUnitId,
        ["Lineage"] = JsonSerializer.Serialize(link.Lineage),
        ["IssuedAt"] = link.IssuedAt.UtcDateTime,
        ["IssuedBy"] = link.IssuedBy,
    };

    private static CycleLink Link(TableEntity row) => new(
        row.GetString("CycleId"),
        row.GetString("ParentCycleId"),
        row.GetString("RelayUnitId"),
        JsonSerializer.Deserialize<List<string>>(row.GetString("Lineage") ?? "[]") ?? [],
        new DateTimeOffset(row.GetDateTime("IssuedAt") ?? DateTime.UnixEpoch, TimeSpan.Zero),
        row.GetString("IssuedBy") ?? "");
}
