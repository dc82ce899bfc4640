using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Workflow.Email;

/// <summary>
/// One row per message key, inserted before the send (a 409 means the key is already taken) and marked sent after.
/// Keys spread over 256 partitions by hash, so a national reminder wave does not queue on one partition.
/// </summary>
public sealed class MailLedger
{
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
        await _created.Value.ConfigureAwait(false);
        var entity = new TableEntity(Partition(key), RowKey(key))
        {
            ["Key"] = key,
            ["State"] = nameof(MailState.Pending),
            ["RecordedAt"] = now,
            ["Recipients"] = recipients,
            ["Subject"] = subject,
        };
        try
        {
            var response = await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return (response.Headers.ETag ?? ETag.All, null);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (null, await GetAsync(key, cancellationToken).ConfigureAwait(false));
        }
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

    private static string Partition(string key) =>
        (XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key)) & 0xFF).ToString("x2", CultureInfo.InvariantCulture);

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
