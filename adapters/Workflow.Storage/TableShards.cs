using System.IO.Hashing;
using System.Text;
using Azure.Data.Tables;

namespace Workflow.Storage;

/// <summary>
/// Rows spread over <see cref="Count"/> tables named <c>{name}0</c> … <c>{name}f</c>, each created on first use (and
/// tried again after a failed creation). Azure serves a partition the same whichever table holds it; the local engine's
/// emulator, Azurite, pays for every insert, update and query with the size of the whole table (it keeps each table
/// as one in-memory collection and scans it), so a national wave over one table costs what it costs over 100,000 rows,
/// and over sixteen a sixteenth of it (benchmarks/README.md). The count is fixed: a row's table follows from its key.
/// </summary>
public sealed class TableShards
{
    public const int Count = 16;

    private readonly TableServiceClient _service;
    private readonly string _name;
    private readonly Task<TableClient>?[] _ready = new Task<TableClient>?[Count];

    public TableShards(TableServiceClient service, string name)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _service = service;
        _name = name;
    }

    /// <summary>The shard of a key: the low 4 bits of its XxHash3, stable across processes and versions.</summary>
    public static int Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (int)(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key)) & (Count - 1));
    }

    public string NameOf(int shard) => $"{_name}{shard:x1}";

    /// <summary>The table of <paramref name="shard"/>, created if this process has not seen it yet.</summary>
    public Task<TableClient> TableAsync(int shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, Count);
        var ready = Volatile.Read(ref _ready[shard]);
        if (ready is not null && !ready.IsFaulted && !ready.IsCanceled)
        {
            return ready;
        }

        // A creation that failed (storage briefly away) is tried again by the next caller rather than remembered.
        Interlocked.CompareExchange(ref _ready[shard], CreateAsync(shard), ready);
        return Volatile.Read(ref _ready[shard])!;
    }

    public Task<TableClient> TableForAsync(string key) => TableAsync(Of(key));

    /// <summary>Every shard, for the rare reads that span keys (a reconciliation pass).</summary>
    public Task<TableClient[]> AllAsync() => Task.WhenAll(Enumerable.Range(0, Count).Select(TableAsync));

    private async Task<TableClient> CreateAsync(int shard)
    {
        var table = _service.GetTableClient(NameOf(shard));
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    }
}
