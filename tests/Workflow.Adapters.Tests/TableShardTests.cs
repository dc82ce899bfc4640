using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Plans;
using Workflow.Email;
using Workflow.Storage;

namespace Workflow.Adapters.Tests;

/// <summary>
/// Rows spread over the shard tables: a cycle's rows all in the one its id picks, the prefix reservations in the status
/// table itself, a wave's ledger rows over its partitions' shards, and reads that span keys find rows in every shard.
/// </summary>
[Collection(AdapterCollection.Name)]
public sealed class TableShardTests(AdapterFixture fixture)
{
    [Fact]
    public void Shards_are_stable_and_every_one_is_used()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"chu-ky-{i}").ToList();

        Assert.Equal(ids.Select(TableShards.Of), ids.Select(TableShards.Of));
        Assert.Equal(Enumerable.Range(0, TableShards.Count), ids.Select(TableShards.Of).Distinct().Order());
    }

    [Fact]
    public async Task A_cycles_rows_live_in_its_shard_and_the_prefix_reservation_in_the_status_table()
    {
        var store = fixture.Storage(TimeProvider.System).GetRequiredService<IStatusStore>();
        var cycle = AdapterFixture.NewCycleId();
        await store.EnsureCycleAsync(cycle, "BG");
        await store.SeedAsync([.. Enumerable.Range(1, 3).Select(n => DeliverableStatus.Pending(
            new SubmissionKey(cycle, $"don-vi-{n}", "bao-cao"), Deadline.Before(new DateOnly(2024, 5, 1)), LatePolicy.AcceptAndMarkLate))]);

        var options = new StorageOptions { ConnectionString = fixture.ConnectionString, Prefix = fixture.Prefix };
        var shard = new TableShards(new TableServiceClient(fixture.ConnectionString), options.StatusTable).NameOf(TableShards.Of(cycle));
        var inShard = await RowKeysAsync(shard, $"PartitionKey ge '{cycle}' and PartitionKey lt '{cycle};'");
        var inBase = await RowKeysAsync(options.StatusTable, $"PartitionKey ge '{cycle}' and PartitionKey lt '{cycle};'");
        var reservations = await RowKeysAsync(options.StatusTable, "PartitionKey eq 'receipt-prefixes'");

        Assert.Equal(["S|don-vi-1", "S|don-vi-2", "S|don-vi-3", "receipts"], inShard.Order(StringComparer.Ordinal));
        Assert.Empty(inBase);
        Assert.Contains(reservations, r => r.StartsWith("BG-", StringComparison.Ordinal));
        Assert.Equal(3, (await store.ListAsync(cycle, "bao-cao")).Count);
    }

    [Fact]
    public async Task A_waves_ledger_rows_spread_over_its_partitions_shards_and_unsent_keys_are_found_in_all_of_them()
    {
        var ledger = fixture.Email(TimeProvider.System).GetRequiredService<MailLedger>();
        var cycle = AdapterFixture.NewCycleId();
        var requests = Enumerable.Range(1, 60).Select(n => new MailClaimRequest($"{cycle}:don-vi-{n}:bao-cao:reminder:7", $"don-vi-{n}@thu-nghiem.example", "Nhắc nộp báo cáo")).ToList();
        var claims = await ledger.TryClaimManyAsync(requests, DateTimeOffset.UtcNow);
        try
        {
            var tables = new TableServiceClient(fixture.ConnectionString);
            var shards = new TableShards(tables, fixture.LedgerTable);
            var partitions = new HashSet<(string Table, string Partition)>();
            // Only the shards some key went to exist: the others are created on their first use.
            await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(shards.NameOf(0)) >= 0 && t.Name.CompareTo(shards.NameOf(TableShards.Count - 1)) <= 0))
            {
                await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>($"Key ge '{cycle}:' and Key lt '{cycle};'", select: ["PartitionKey"]))
                {
                    partitions.Add((table.Name, row.PartitionKey));
                }
            }

            Assert.All(claims, c => Assert.NotNull(c.Claimed));
            // Four partitions for the wave, each wholly in one shard table.
            Assert.Equal(4, partitions.Select(p => p.Partition).Distinct().Count());
            Assert.Equal(4, partitions.Count);
            Assert.Equal(requests.Select(r => r.Key).Order(StringComparer.Ordinal), (await ledger.ListUnsentAsync(cycle)).Select(r => r.Key).Order(StringComparer.Ordinal));
        }
        finally
        {
            // Nothing was sent: the keys go, so the other tests' outbox finds only its own.
            await ledger.ReleaseManyAsync([.. claims.Where(c => c.Claimed is not null).Select(c => new ClaimedKey(c.Key, c.Claimed!.Value))]);
        }
    }

    private async Task<List<string>> RowKeysAsync(string table, string filter)
    {
        var keys = new List<string>();
        await foreach (var row in new TableClient(fixture.ConnectionString, table).QueryAsync<TableEntity>(filter, select: ["RowKey"]))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }
}
