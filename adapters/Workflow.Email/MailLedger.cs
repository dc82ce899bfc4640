using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Workflow.Storage;

namespace Workflow.Email;

/// <summary>
/// The outbox table: one row per message key, inserted before the send (a 409 means the key is already taken) and moved
/// through <see cref="MailState"/> under its ETag, so two senders never both send a key. A row keeps a reference to its
/// stored content (partition <c>content</c>, one row per distinct template) and its own personalization, so any sender
/// can send it again. Keys spread over partitions by hash (see <see cref="Partition"/>), so a national reminder wave
/// does not queue on one partition, and the partitions over the ledger's <see cref="TableShards"/>; the table itself
/// keeps the content rows. Upload mail intents live in a second, small table (<c>{table}intents</c>).
/// </summary>
public sealed class MailLedger
{
    private const int MaxTransactionRows = 100;
    private const int TransactionConcurrency = 8;
    private const string ContentPartition = "content";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The content rows; every message key's row lives in one of the shards (see RowsAsync).
    private readonly TableClient _table;
    private readonly TableShards _rows;
    private readonly TableClient _intents;
    private readonly Lazy<Task> _created;

    public MailLedger(IOptions<EmailOptions> options)
    {
        var service = new TableServiceClient(options.Value.LedgerConnectionString);
        _table = service.GetTableClient(options.Value.LedgerTable);
        _rows = new TableShards(service, options.Value.LedgerTable);
        _intents = service.GetTableClient(options.Value.LedgerTable + "intents");
        _created = new Lazy<Task>(() => Task.WhenAll(_table.CreateIfNotExistsAsync(), _intents.CreateIfNotExistsAsync()));
    }

    /// <summary>Stores a template once (rows are keyed by its hash, so storing it again changes nothing) and returns its id.</summary>
    public async Task<string> SaveContentAsync(MailContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{content.Subject}\0{content.Text}\0{content.Html}")));
        await _created.Value.ConfigureAwait(false);
        var entity = new TableEntity(ContentPartition, id) { ["Subject"] = content.Subject, ["Text"] = content.Text, ["Html"] = content.Html };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The same template was stored before.
        }

        return id;
    }

    public async Task<MailContent?> GetContentAsync(string contentId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(ContentPartition, contentId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } e ? new MailContent(e.GetString("Subject") ?? "", e.GetString("Text") ?? "", e.GetString("Html") ?? "") : null;
    }

    /// <summary>Records the key as pending. Returns the new row's ETag, or null with the existing record when the key was taken.</summary>
    public async Task<(ETag? Claimed, MailRecord? Existing)> TryClaimAsync(MailClaimRequest mail, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var entity = PendingEntity(mail, now);
        await _created.Value.ConfigureAwait(false);
        var claim = await ClaimOneAsync(entity, cancellationToken).ConfigureAwait(false);
        return (claim.Claimed, claim.Existing);
    }

    /// <summary>
    /// <see cref="TryClaimAsync"/> for many keys, in one table transaction per partition and 100 keys. A key taken
    /// by someone else rolls its whole transaction back, so that group is claimed again key by key. Results follow
    /// the order of <paramref name="mails"/>. If claiming fails part-way, the keys this call claimed are released
    /// (nothing was sent) and the error is rethrown.
    /// </summary>
    public async Task<IReadOnlyList<MailClaim>> TryClaimManyAsync(IReadOnlyList<MailClaimRequest> mails, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mails);
        // Every key is checked before anything is written, so a bad key leaves no half-claimed batch behind.
        var entities = mails.Select(m => PendingEntity(m, now)).ToList();
        var duplicates = mails.GroupBy(m => m.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ArgumentException($"Message keys appear more than once: {string.Join(", ", duplicates)}.", nameof(mails));
        }

        if (entities.Count == 0)
        {
            return [];
        }

        await _created.Value.ConfigureAwait(false);
        var claims = new ConcurrentDictionary<string, MailClaim>(StringComparer.Ordinal);
        try
        {
            await ForEachTransactionAsync(entities, async (group, token) =>
            {
                try
                {
                    var table = await RowsAsync(group[0].PartitionKey).ConfigureAwait(false);
                    var response = await table.SubmitTransactionAsync(group.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), token).ConfigureAwait(false);
                    for (var i = 0; i < group.Count; i++)
                    {
                        claims[group[i].GetString("Key")] = new MailClaim(group[i].GetString("Key"), response.Value[i].Headers.ETag ?? ETag.All, null);
                    }
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    foreach (var entity in group)
                    {
                        claims[entity.GetString("Key")] = await ClaimOneAsync(entity, token).ConfigureAwait(false);
                    }
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            var claimed = claims.Values.Where(c => c.Claimed is not null).Select(c => new ClaimedKey(c.Key, c.Claimed!.Value)).ToList();
            await ReleaseManyAsync(claimed, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return [.. mails.Select(m => claims[m.Key])];
    }

    public async Task<MailRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var partition = Partition(key);
        var table = await RowsAsync(partition).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, RowKey(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Pending → sent, for keys sent in one provider request (or confirmed by the provider), batched per partition and 100 keys.</summary>
    public Task MarkSentManyAsync(IReadOnlyCollection<ClaimedKey> keys, DateTimeOffset sentAt, string? providerMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return UpdateManyAsync(keys, new Dictionary<string, object?>
        {
            ["State"] = nameof(MailState.Sent),
            ["SentAt"] = sentAt,
            ["ProviderMessageId"] = providerMessageId,
        }, cancellationToken);
    }

    /// <summary>
    /// Pending → queued (certainly not delivered; tried again at <paramref name="dueAt"/>) or → failed when
    /// <paramref name="dueAt"/> is null. <paramref name="attempts"/> is the count after this failure.
    /// </summary>
    public Task QueueManyAsync(IReadOnlyCollection<ClaimedKey> keys, int attempts, DateTimeOffset? dueAt, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return UpdateManyAsync(keys, new Dictionary<string, object?>
        {
            ["State"] = dueAt is null ? nameof(MailState.Failed) : nameof(MailState.Queued),
            ["Attempts"] = attempts,
            ["DueAt"] = dueAt,
            ["LastError"] = Truncate(error),
        }, cancellationToken);
    }

    /// <summary>Queued (or failed, or pending when its send is known not to have happened) → pending for this sender; null when another sender moved it first.</summary>
    public async Task<ETag?> TryTakeAsync(MailRecord record, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(Partition(record.Key), RowKey(record.Key)) { ["State"] = nameof(MailState.Pending), ["ClaimedAt"] = now };
        var table = await RowsAsync(entity.PartitionKey).ConfigureAwait(false);
        try
        {
            var response = await table.UpdateEntityAsync(entity, record.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Moves one record under its ETag: to queued (due at <paramref name="dueAt"/>, attempts reset when
    /// <paramref name="resetAttempts"/>), or keeps it pending with a note and a new check time. False when someone else changed it first.
    /// </summary>
    public async Task<bool> TryMoveAsync(MailRecord record, MailState state, DateTimeOffset now, string? note, bool resetAttempts = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(Partition(record.Key), RowKey(record.Key))
        {
            ["State"] = state.ToString(),
            ["LastError"] = Truncate(note),
        };
        if (state == MailState.Queued)
        {
            entity["DueAt"] = now;
        }
        else if (state == MailState.Pending)
        {
            entity["ClaimedAt"] = now;
        }

        if (resetAttempts)
        {
            entity["Attempts"] = 0;
        }

        var table = await RowsAsync(entity.PartitionKey).ConfigureAwait(false);
        try
        {
            await table.UpdateEntityAsync(entity, record.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Deletes pending keys that were certainly not sent (a claim that failed part-way), batched per partition and 100 keys.</summary>
    public Task ReleaseManyAsync(IReadOnlyCollection<ClaimedKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var deletes = keys.Select(k => (Entity: new TableEntity(Partition(k.Key), RowKey(k.Key)), k.ETag)).ToList();
        return SubmitManyAsync(deletes, TableTransactionActionType.Delete, cancellationToken);
    }

    /// <summary>
    /// Every key not yet sent (queued, pending, failed), oldest first; with <paramref name="cycleId"/>, only that
    /// cycle's (keys start with "{cycle}:"). One filtered scan per shard: the unsent rows are few, the sent ones are skipped by the service.
    /// </summary>
    public async Task<IReadOnlyList<MailRecord>> ListUnsentAsync(string? cycleId = null, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var shards = await _rows.AllAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"(State eq {nameof(MailState.Queued)} or State eq {nameof(MailState.Pending)} or State eq {nameof(MailState.Failed)})");
        if (cycleId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Key ge {cycleId + ":"} and Key lt {cycleId + ";"}");
        }

        var records = new List<MailRecord>();
        foreach (var shard in shards)
        {
            await foreach (var entity in shard.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                records.Add(FromEntity(entity));
            }
        }

        return [.. records.OrderBy(r => r.RecordedAt).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    public async Task RecordIntentAsync(MailIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        await _created.Value.ConfigureAwait(false);
        await _intents.UpsertEntityAsync(new TableEntity(intent.CycleId, IntentRow(intent))
        {
            ["CycleId"] = intent.CycleId,
            ["UnitId"] = intent.UnitId,
            ["SubjectId"] = intent.SubjectId,
            ["Arrival"] = intent.Arrival,
            ["Id"] = intent.Id,
            ["RecordedAt"] = intent.RecordedAt,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteIntentAsync(MailIntent intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        await _created.Value.ConfigureAwait(false);
        await _intents.DeleteEntityAsync(intent.CycleId, IntentRow(intent), ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Intents recorded at or before <paramref name="before"/>: their upload ended (or died) without settling its mails.</summary>
    public async Task<IReadOnlyList<MailIntent>> ListIntentsAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var intents = new List<MailIntent>();
        await foreach (var e in _intents.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RecordedAt le {before}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            intents.Add(new MailIntent(e.GetString("CycleId"), e.GetString("UnitId"), e.GetString("SubjectId"), e.GetDateTimeOffset("Arrival") ?? default, e.GetString("Id"))
            {
                RecordedAt = e.GetDateTimeOffset("RecordedAt") ?? default,
            });
        }

        return intents;
    }

    private async Task<MailClaim> ClaimOneAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var key = entity.GetString("Key");
        var table = await RowsAsync(entity.PartitionKey).ConfigureAwait(false);
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new MailClaim(key, response.Headers.ETag ?? ETag.All, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return new MailClaim(key, null, await GetAsync(key, cancellationToken).ConfigureAwait(false));
        }
    }

    private Task UpdateManyAsync(IReadOnlyCollection<ClaimedKey> keys, Dictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var updates = keys.Select(k =>
        {
            var entity = new TableEntity(Partition(k.Key), RowKey(k.Key));
            foreach (var (name, value) in values)
            {
                entity[name] = value;
            }

            return (Entity: entity, k.ETag);
        }).ToList();
        return SubmitManyAsync(updates, TableTransactionActionType.UpdateMerge, cancellationToken);
    }

    private async Task SubmitManyAsync(List<(TableEntity Entity, ETag ETag)> rows, TableTransactionActionType action, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var etags = rows.ToDictionary(r => r.Entity.RowKey, r => r.ETag, StringComparer.Ordinal);
        await ForEachTransactionAsync(
            [.. rows.Select(r => r.Entity)],
            async (group, token) =>
            {
                var table = await RowsAsync(group[0].PartitionKey).ConfigureAwait(false);
                await table.SubmitTransactionAsync(group.Select(e => new TableTransactionAction(action, e, etags[e.RowKey])), token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one table transaction per partition and at most 100 rows (the service's limit; above it the SDK fails
    /// unhelpfully), a few at a time: a wave of thousands of keys spreads over its 4 partitions.
    /// </summary>
    private static Task ForEachTransactionAsync(List<TableEntity> entities, Func<IReadOnlyList<TableEntity>, CancellationToken, Task> submit, CancellationToken cancellationToken)
    {
        var groups = entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(MaxTransactionRows)).ToList();
        return Parallel.ForEachAsync(
            groups,
            new ParallelOptions { MaxDegreeOfParallelism = TransactionConcurrency, CancellationToken = cancellationToken },
            async (group, token) => await submit(group, token).ConfigureAwait(false));
    }

    private static TableEntity PendingEntity(MailClaimRequest mail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return new TableEntity(Partition(mail.Key), RowKey(mail.Key))
        {
            ["Key"] = mail.Key,
            ["State"] = nameof(MailState.Pending),
            ["RecordedAt"] = now,
            ["ClaimedAt"] = now,
            ["Attempts"] = 0,
            ["Recipients"] = mail.Recipients,
            ["Subject"] = mail.Subject,
            ["ContentId"] = mail.ContentId,
            ["Personalization"] = mail.Recipient is { } r ? JsonSerializer.Serialize(r, Json) : null,
        };
    }

    /// <summary>
    /// Keys are "{cycle}:{unit}:{reason}": the keys of one wave (same cycle and reason, many units) share 4 of 1,024
    /// partitions, so a batch of 250 claims in 4 transactions of at most 100 instead of 250 single inserts (and a
    /// commune's batch of 30 in 4, not one per key), while the largest flat wave still spreads over 4 partitions and
    /// different waves over the rest.
    /// </summary>
    private static string Partition(string key)
    {
        var parts = key.Split(':');
        if (parts.Length < 3)
        {
            return Hash(key, 0x3FF).ToString("x3", CultureInfo.InvariantCulture);
        }

        var wave = string.Join(':', parts.Where((_, i) => i != 1));
        return string.Create(CultureInfo.InvariantCulture, $"{Hash(wave, 0xFF):x2}{Hash(parts[1], 0x3):x1}");
    }

    /// <summary>A partition lives in one shard (its transactions need one table); partitions spread over the shards by hash.</summary>
    private Task<TableClient> RowsAsync(string partition) => _rows.TableForAsync(partition);

    private static ulong Hash(string value, ulong mask) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(value)) & mask;

    /// <summary>Table keys refuse '/', '\', '#', '?' and control characters; keys are built from safe ids, so refuse rather than escape.</summary>
    private static string RowKey(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Length > 512 || key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"'{key}' cannot be a message key: no '/', '\\', '#', '?', control characters, at most 512 characters.", nameof(key));
        }

        return key;
    }

    private static string IntentRow(MailIntent intent) =>
        RowKey(string.Create(CultureInfo.InvariantCulture, $"{intent.SubjectId}|{intent.UnitId}|{intent.Arrival.UtcTicks:D19}|{intent.Id}"));

    /// <summary>A provider's error body can be long; a table string holds 32K characters.</summary>
    private static string? Truncate(string? text) => text is { Length: > 2000 } ? text[..2000] + "…" : text;

    private static MailRecord FromEntity(TableEntity e) => new(
        e.GetString("Key"),
        Enum.Parse<MailState>(e.GetString("State")),
        e.GetDateTimeOffset("RecordedAt") ?? default,
        e.GetDateTimeOffset("SentAt"),
        e.GetString("ProviderMessageId"),
        e.GetString("Recipients") ?? "",
        e.GetString("Subject") ?? "")
    {
        Attempts = e.GetInt32("Attempts") ?? 0,
        DueAt = e.GetDateTimeOffset("DueAt"),
        ClaimedAt = e.GetDateTimeOffset("ClaimedAt") ?? e.GetDateTimeOffset("RecordedAt"),
        LastError = e.GetString("LastError"),
        ContentId = e.GetString("ContentId"),
        Recipient = e.GetString("Personalization") is { Length: > 0 } json ? JsonSerializer.Deserialize<BatchRecipient>(json, Json) : null,
        ETag = e.ETag,
    };
}
