using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Workflow.Domain.Access;

namespace Workflow.Storage;

/// <summary>
/// Accounts and denials in the operators table: partition <c>account</c>, one row per operator id (one point read per
/// request); partition <c>denial</c>, one audit row per refusal, keyed newest first (<c>A|</c> marks audit rows).
/// </summary>
public sealed class TableOperatorAccounts : IOperatorAccounts
{
    private const string AccountPartition = "account";
    private const string DenialPartition = "denial";
    private readonly TableClient _table;
    private readonly Lazy<Task> _created;

    public TableOperatorAccounts(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new TableServiceClient(options.Value.ConnectionString).GetTableClient(options.Value.OperatorTable);
        _created = new Lazy<Task>(() => _table.CreateIfNotExistsAsync());
    }

    public async Task CreateAsync(OperatorAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await _created.Value.ConfigureAwait(false);
        try
        {
            await _table.AddEntityAsync(Entity(account), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new InvalidOperationException($"Operator {account.Id} already exists.", ex);
        }
    }

    public async Task<OperatorAccount?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        // Ids are checked before they become a key: anything else names no account.
        if (!OperatorKey.IsId(id))
        {
            return null;
        }

        await _created.Value.ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(AccountPartition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Account(row.Value!) : null;
    }

    public async Task<IReadOnlyList<OperatorAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var accounts = new List<OperatorAccount>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == AccountPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            accounts.Add(Account(row));
        }

        return accounts;
    }

    public async Task UpdateAsync(OperatorAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await _created.Value.ConfigureAwait(false);
        await _table.UpdateEntityAsync(Entity(account), ETag.All, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordDenialAsync(AccessDenial denial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(denial);
        await _created.Value.ConfigureAwait(false);
        // Newest first by inverted ticks; the random tail keeps two denials of one tick apart.
        var row = string.Create(CultureInfo.InvariantCulture, $"A|{DateTimeOffset.MaxValue.UtcTicks - denial.At.UtcTicks:D19}|{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        await _table.AddEntityAsync(new TableEntity(DenialPartition, row)
        {
            ["At"] = denial.At.UtcDateTime,
            ["OperatorId"] = denial.OperatorId,
            ["OperatorName"] = denial.OperatorName,
            ["Role"] = denial.Role,
            ["Scope"] = denial.Scope,
            ["Method"] = denial.Method,
            ["Path"] = Clip(denial.Path),
            ["Route"] = denial.Route,
            ["CycleId"] = denial.CycleId is null ? null : Clip(denial.CycleId),
            ["Reason"] = denial.Reason,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AccessDenial>> DenialsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var denials = new List<AccessDenial>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == DenialPartition, maxPerPage: Math.Clamp(limit, 1, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            denials.Add(new AccessDenial(
                new DateTimeOffset(row.GetDateTime("At") ?? DateTime.UnixEpoch, TimeSpan.Zero), row.GetString("OperatorId") ?? "", row.GetString("OperatorName") ?? "",
                row.GetString("Role") ?? "", row.GetString("Scope") ?? "", row.GetString("Method") ?? "", row.GetString("Path") ?? "", row.GetString("Route"),
                row.GetString("CycleId"), row.GetString("Reason") ?? ""));
            if (denials.Count >= limit)
            {
                break;
            }
        }

        return denials;
    }

    /// <summary>A hostile path can be long: the audit keeps its start, well under a table property's limit.</summary>
    private static string Clip(string text) => text.Length <= 1000 ? text : text[..1000];

    private static TableEntity Entity(OperatorAccount account) => new(AccountPartition, account.Id)
    {
        ["Name"] = account.Name,
        ["Role"] = account.Role.ToString(),
        ["Scope"] = account.Scope,
        ["SecretHash"] = account.SecretHash,
        ["CreatedAt"] = account.CreatedAt.UtcDateTime,
        ["CreatedBy"] = account.CreatedBy,
        ["RotatedAt"] = account.RotatedAt?.UtcDateTime,
        ["RevokedAt"] = account.RevokedAt?.UtcDateTime,
        ["RevokedBy"] = account.RevokedBy,
    };

    private static OperatorAccount Account(TableEntity row) => new(
        row.RowKey,
        row.GetString("Name") ?? "",
        Enum.TryParse<OperatorRole>(row.GetString("Role"), out var role) ? role : OperatorRole.Viewer,
        row.GetString("Scope") ?? "",
        row.GetString("SecretHash") ?? "",
        Instant(row.GetDateTime("CreatedAt")) ?? DateTimeOffset.UnixEpoch,
        row.GetString("CreatedBy") ?? "",
        Instant(row.GetDateTime("RotatedAt")),
        Instant(row.GetDateTime("RevokedAt")),
        row.GetString("RevokedBy"));

    private static DateTimeOffset? Instant(DateTime? utc) => utc is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero) : null;
}
