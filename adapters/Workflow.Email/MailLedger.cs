using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Workflow.Email;

/// <summary>
/// One row per message key, inserted before the send (a 409 means the key is already taken) and marked sent after.
/// Keys spread over partitions by hash (see <see cref="Partition"/>), so a national reminder wave does not queue on one partition.
/// </summary>
public sealed class MailLedger
{
    private const int MaxTransactionRows = 100;
    private const int TransactionConcurrency = 8;

    private readonly TableClient _table;
    private readonly Lazy<Task> _created;

    public MailLedger(IOptions<EmailOptions> options)
    {
        _table = new TableServiceClient(options.Value.LedgerConnectionString).GetTableClient(options.Value.LedgerTable);
        _created = new Lazy<Task>(() => _table.CreateIfNotExistsAsync());
    }

    /// <summary>Records the key as pending. Returns the new row's ETag, or null with the existing record when the key was taken.</summary>
    public async Task<(ETag? Claimed, MailRecord? Existing)> TryClaimAsync(string key, string recipients, string subject, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var entity = PendingEntity(new MailClaimRequest(key, recipients, subject), now);
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
                    var response = await _table.SubmitTransactionAsync(group.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), token).ConfigureAwait(false);
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
        await _created.Value.ConfigureAwait(false);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(key), RowKey(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task MarkSentAsync(string key, ETag etag, DateTimeOffset sentAt, string? providerMessageId, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition(key), RowKey(key))
        {
            ["State"] = nameof(MailState.Sent),
            ["SentAt"] = sentAt,
            ["ProviderMessageId"] = providerMessageId,
        };
        await _table.UpdateEntityAsync(entity, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a pending record so the key can be sent again; a record already marked sent is never released.</summary>
    public async Task ReleaseAsync(string key, ETag etag, CancellationToken cancellationToken = default) =>
        await _table.DeleteEntityAsync(Partition(key), RowKey(key), etag, cancellationToken).ConfigureAwait(false);

    /// <summary><see cref="MarkSentAsync"/> for keys sent in one provider request, batched per partition and 100 keys.</summary>
    public Task MarkSentManyAsync(IReadOnlyCollection<ClaimedKey> keys, DateTimeOffset sentAt, string? providerMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var updates = keys.Select(k => (Entity: new TableEntity(Partition(k.Key), RowKey(k.Key))
        {
            ["State"] = nameof(MailState.Sent),
            ["SentAt"] = sentAt,
            ["ProviderMessageId"] = providerMessageId,
        }, k.ETag)).ToList();
        return SubmitManyAsync(updates, TableTransactionActionType.UpdateMerge, cancellationToken);
    }

    /// <summary><see cref="ReleaseAsync"/> for keys that were certainly not sent, batched per partition and 100 keys.</summary>
    public Task ReleaseManyAsync(IReadOnlyCollection<ClaimedKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var deletes = keys.Select(k => (Entity: new TableEntity(Partition(k.Key), RowKey(k.Key)), k.ETag)).ToList();
        return SubmitManyAsync(deletes, TableTransactionActionType.Delete, cancellationToken);
    }

    /// <summary>Settles a pending record under its ETag, so two operators cannot settle it differently.</summary>
    public async Task ResolveAsync(string key, bool delivered, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(key), RowKey(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value!.GetString("State") != nameof(MailState.Pending))
        {
            throw new InvalidOperationException($"Message key '{key}' is not pending.");
        }

        if (delivered)
        {
            await MarkSentAsync(key, response.Value.ETag, now, "resolved-by-operator", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ReleaseAsync(key, response.Value.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<MailRecord>> ListPendingAsync(CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var records = new List<MailRecord>();
        var filter = TableClient.CreateQueryFilter($"State eq {nameof(MailState.Pending)}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(FromEntity(entity));
        }

        return [.. records.OrderBy(r => r.RecordedAt)];
    }

    private async Task<MailClaim> ClaimOneAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var key = entity.GetString("Key");
        try
        {
            var response = await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new MailClaim(key, response.Headers.ETag ?? ETag.All, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return new MailClaim(key, null, await GetAsync(key, cancellationToken).ConfigureAwait(false));
        }
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
            (group, token) => _table.SubmitTransactionAsync(group.Select(e => new TableTransactionAction(action, e, etags[e.RowKey])), token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one table transaction per partition and at most 100 rows (the service's limit; above it the SDK fails
    /// unhelpfully), a few at a time: a wave of thousands of keys spreads over its 16 partitions.
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
            ["Recipients"] = mail.Recipients,
            ["Subject"] = mail.Subject,
        };
    }

    /// <summary>
    /// Keys are "{cycle}:{unit}:{reason}": the keys of one wave (same cycle and reason, many units) share 16 of 4,096
    /// partitions, so a batch of 250 claims in about 16 transactions instead of 250 single inserts, while a national
    /// wave still spreads over 16 partitions and different waves over the rest.
    /// </summary>
    private static string Partition(string key)
    {
        var parts = key.Split(':');
        if (parts.Length < 3)
        {
            return Hash(key, 0xFFF).ToString("x3", CultureInfo.InvariantCulture);
        }

        var wave = string.Join(':', parts.Where((_, i) => i != 1));
        return string.Create(CultureInfo.InvariantCulture, $"{Hash(wave, 0xFF):x2}{Hash(parts[1], 0xF):x1}");
    }

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

    private static MailRecord FromEntity(TableEntity e) => new(
        e.GetString("Key"),
        Enum.Parse<MailState>(e.GetString("State")),
        e.GetDateTimeOffset("RecordedAt") ?? default,
        e.GetDateTimeOffset("SentAt"),
        e.GetString("ProviderMessageId"),
        e.GetString("Recipients") ?? "",
        e.GetString("Subject") ?? "");
}
