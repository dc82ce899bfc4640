using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// The achievements table: partition <c>{keeper unit}</c>, one row per nominee identity holding its records as JSON
/// (a unit's whole list is one partition read); partition <c>quyet-dinh:{cycle}</c>, one row per round's decision.
/// </summary>
public sealed class TableAchievementRegistry : IAchievementRegistry
{
    private const int MaxAttempts = 8;
    private readonly TableClient _table;
    private readonly Lazy<Task> _created;

    public TableAchievementRegistry(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new TableServiceClient(options.Value.ConnectionString).GetTableClient(options.Value.AchievementTable);
        _created = new Lazy<Task>(() => _table.CreateIfNotExistsAsync());
    }

    public async Task<IReadOnlyList<KeptNominee>> ListAsync(string keeperUnitId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var rows = new List<KeptNominee>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {keeperUnitId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Nominee(entity));
        }

        return [.. rows.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    public async Task<KeptNominee?> GetAsync(string keeperUnitId, string identity, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(keeperUnitId, identity, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Nominee(row.Value!) : null;
    }

    public async Task<KeptNominee> UpdateAsync(string keeperUnitId, string identity, Func<KeptNominee?, KeptNominee> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _created.Value.ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _table.GetEntityIfExistsAsync<TableEntity>(keeperUnitId, identity, cancellationToken: cancellationToken).ConfigureAwait(false);
            var next = change(current.HasValue ? Nominee(current.Value!) : null) with { KeeperUnitId = keeperUnitId, Identity = identity };
            try
            {
                if (current.HasValue)
                {
                    await _table.UpdateEntityAsync(Entity(next), current.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _table.AddEntityAsync(Entity(next), cancellationToken).ConfigureAwait(false);
                }

                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer (a review, a decision, a second dossier) got there first: apply the change to its result.
            }
        }

        throw new InvalidOperationException($"The kept record {keeperUnitId}/{identity} stayed contended for {MaxAttempts} attempts.");
    }

    public async Task SaveDecisionAsync(AwardDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await _created.Value.ConfigureAwait(false);
        await _table.UpsertEntityAsync(new TableEntity(DecisionPartition(decision.CycleId), decision.RoundId)
        {
            ["Decision"] = JsonSerializer.Serialize(decision),
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AwardDecision?> GetDecisionAsync(string cycleId, string roundId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(DecisionPartition(cycleId), roundId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString("Decision") is { } json ? JsonSerializer.Deserialize<AwardDecision>(json) : null;
    }

    private static string DecisionPartition(string cycleId) => $"quyet-dinh:{cycleId}";

    private static TableEntity Entity(KeptNominee n) => new(n.KeeperUnitId, n.Identity)
    {
        ["Kind"] = n.Kind.ToString(),
        ["Name"] = n.Name,
        ["NomineeUnit"] = n.NomineeUnit,
        ["Position"] = n.Position,
        ["PersonalId"] = n.PersonalId,
        ["IsPolice"] = n.IsPolice,
        ["Profile"] = n.Profile,
        ["Records"] = JsonSerializer.Serialize(n.Records),
        ["LastCycleId"] = n.LastCycleId,
        ["LastNominationId"] = n.LastNominationId,
        ["UpdatedAt"] = n.UpdatedAt,
    };

    private static KeptNominee Nominee(TableEntity e) => new()
    {
        KeeperUnitId = e.PartitionKey,
        Identity = e.RowKey,
        Kind = Enum.Parse<NomineeKind>(e.GetString("Kind")),
        Name = e.GetString("Name"),
        NomineeUnit = e.GetString("NomineeUnit"),
        Position = e.GetString("Position"),
        PersonalId = e.GetString("PersonalId"),
        IsPolice = e.GetBoolean("IsPolice") ?? false,
        Profile = e.GetString("Profile") ?? "",
        Records = e.GetString("Records") is { } records ? JsonSerializer.Deserialize<List<AchievementRecord>>(records) ?? [] : [],
        LastCycleId = e.GetString("LastCycleId"),
        LastNominationId = e.GetString("LastNominationId"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
    };
}
