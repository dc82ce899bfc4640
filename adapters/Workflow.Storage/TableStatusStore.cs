using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// Table layout. Status table: partition <c>{cycle}:{subject}</c> holds one status row per unit (<c>S|{unit}</c>),
/// that unit's audit rows (<c>A|{unit}|{ticks}|{attempt}</c>), so a status change and its audit rows commit in one
/// transaction, and in a round the owner of each nomination id (<c>N|{nomination}</c>); partition <c>{cycle}</c> holds
/// the receipt series, one row per issued receipt (<c>R|{code}</c>) and the cycle's business clock; partition
/// <c>receipt-prefixes</c> reserves each cycle's prefix. A cycle's partitions live in one of the status table's
/// <see cref="TableShards"/> (<c>{status}0</c> … <c>{status}f</c>, by its id); the table itself keeps the prefix
/// reservations (and <see cref="TableCycleLinks"/>' links). Nominee table: partition <c>{cycle}:{round}</c>, one row per nomination.
/// </summary>
public sealed partial class TableStatusStore : IStatusStore
{
    /// <summary>The service rejects larger transactions with an unhelpful error, so the limit is enforced here.</summary>
    public const int MaxBatch = 100;

    // Every lost ETag race means another writer won, so n concurrent writers of one row need at most about n attempts.
    private const int MaxAttempts = 200;
    private const string CounterRow = "receipts";
    private const string ClockRow = "clock";
    private const string PrefixPartition = "receipt-prefixes";
    private const int CycleCodeLength = 4;
    private const int ReceiptCodeLength = 6;

    // Crockford's base 32: no I, L, O or U, so a receipt read aloud or retyped is not misread.
    private const string ReceiptAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    // The receipt-prefix reservations, which span cycles; every other row lives in its cycle's shard.
    private readonly TableClient _status;
    private readonly TableShards _rows;
    private readonly TableClient _nominees;
    private readonly ILogger<TableStatusStore> _logger;
    private readonly Lazy<Task> _created;
    private readonly ConcurrentDictionary<string, string> _receiptPrefixes = new(StringComparer.Ordinal);

    public TableStatusStore(IOptions<StorageOptions> options, ILogger<TableStatusStore> logger)
    {
        var value = options.Value;
        var service = new TableServiceClient(value.ConnectionString);
        _status = service.GetTableClient(value.StatusTable);
        _rows = new TableShards(service, value.StatusTable);
        _nominees = service.GetTableClient(value.NomineeTable);
        _logger = logger;
        _created = new Lazy<Task>(() => Task.WhenAll(_status.CreateIfNotExistsAsync(), _nominees.CreateIfNotExistsAsync()));
    }

    public async Task<string> EnsureCycleAsync(string cycleId, string receiptPrefix, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptPrefix);
        await _created.Value.ConfigureAwait(false);
        var rows = await RowsAsync(cycleId).ConfigureAwait(false);
        var existing = await rows.GetEntityIfExistsAsync<TableEntity>(cycleId, CounterRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing.HasValue && existing.Value!.GetString("Prefix") is { Length: > 0 } kept)
        {
            // The series never changes once receipts have been issued.
            return kept;
        }

        // The cycle's own code, derived from its id; another cycle holding the same code makes the next candidate.
        for (var candidate = 0; ; candidate++)
        {
            var prefix = $"{receiptPrefix.Trim()}-{CycleCode(cycleId, candidate)}";
            try
            {
                await _status.AddEntityAsync(new TableEntity(PrefixPartition, prefix) { ["CycleId"] = cycleId }, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                var holder = await _status.GetEntityAsync<TableEntity>(PrefixPartition, prefix, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (holder.Value.GetString("CycleId") != cycleId)
                {
                    continue;
                }
            }

            try
            {
                await rows.AddEntityAsync(new TableEntity(cycleId, CounterRow) { ["Prefix"] = prefix }, cancellationToken).ConfigureAwait(false);
                return prefix;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Registered concurrently: the first registration stands.
                return (await rows.GetEntityAsync<TableEntity>(cycleId, CounterRow, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.GetString("Prefix");
            }
        }
    }

    public async Task<string> NextReceiptNumberAsync(SubmissionKey key, string attemptId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await RowsAsync(key.CycleId).ConfigureAwait(false);
        if (!_receiptPrefixes.TryGetValue(key.CycleId, out var prefix))
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(key.CycleId, CounterRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            prefix = row.HasValue && row.Value!.GetString("Prefix") is { Length: > 0 } found
                ? found
                : await EnsureCycleAsync(key.CycleId, "TN", cancellationToken).ConfigureAwait(false);
            _receiptPrefixes[key.CycleId] = prefix;
        }

        // A random code reserved by inserting its own row: unique in the cycle, and no row that every upload updates.
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var code = RandomNumberGenerator.GetString(ReceiptAlphabet, ReceiptCodeLength);
            var entity = new TableEntity(key.CycleId, $"R|{code}") { ["UnitId"] = key.UnitId, ["SubjectId"] = key.SubjectId, ["AttemptId"] = attemptId };
            try
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return $"{prefix}-{code}";
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                Log.LostRace(_logger, "receipt code", $"{key.CycleId}/{code}", attempt + 1);
            }
        }

        throw new InvalidOperationException($"No free receipt code in cycle {key.CycleId} after {MaxAttempts} attempts.");
    }

    public async Task<string> ClaimNominationAsync(string cycleId, string roundId, string nominationId, string unitId, CancellationToken cancellationToken = default)
    {
        var table = await RowsAsync(cycleId).ConfigureAwait(false);
        var pk = StatusPartition(cycleId, roundId);
        var rk = $"N|{SubmissionKey.Check(nominationId, nameof(nominationId))}";
        try
        {
            await table.AddEntityAsync(new TableEntity(pk, rk) { ["ProposedBy"] = SubmissionKey.Check(unitId, nameof(unitId)) }, cancellationToken).ConfigureAwait(false);
            return unitId;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Claimed before, by this unit (a resubmission) or another one: the first claim stands.
            return (await table.GetEntityAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken).ConfigureAwait(false)).Value.GetString("ProposedBy");
        }
    }

    public async Task<int> SeedAsync(IEnumerable<DeliverableStatus> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var inserted = 0;
        foreach (var partition in rows.GroupBy(r => StatusPartition(r.CycleId, r.SubjectId)))
        {
            var table = await RowsAsync(partition.First().CycleId).ConfigureAwait(false);
            foreach (var chunk in partition.Select(ToEntity).Chunk(MaxBatch))
            {
                try
                {
                    await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken).ConfigureAwait(false);
                    inserted += chunk.Length;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    // Some rows exist (a re-run): the batch rolled back as a whole, so insert one by one, keeping existing rows.
                    inserted += await AddMissingAsync(table, chunk, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return inserted;
    }

    public async Task<DeliverableStatus?> GetAsync(SubmissionKey key, CancellationToken cancellationToken = default)
    {
        var table = await RowsAsync(key.CycleId).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(StatusPartition(key.CycleId, key.SubjectId), StatusRow(key.UnitId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task SetClockAsync(string cycleId, BusinessClock clock, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        ArgumentNullException.ThrowIfNull(clock);
        var table = await RowsAsync(cycleId).ConfigureAwait(false);
        var entity = new TableEntity(cycleId, ClockRow)
        {
            ["WallOrigin"] = clock.WallOrigin,
            ["BusinessOrigin"] = clock.BusinessOrigin,
            ["Speed"] = clock.Speed,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BusinessClock?> StandClockAsync(string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        var table = await RowsAsync(cycleId).ConfigureAwait(false);
        while (true)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(cycleId, ClockRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!response.HasValue || response.Value is not { } entity)
            {
                return null;
            }

            var clock = ClockOf(entity);
            if (!clock.IsManual || clock.BusinessOrigin >= at)
            {
                return clock;
            }

            entity["BusinessOrigin"] = at;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return clock with { BusinessOrigin = at };
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Another stand moved it meanwhile: read it again, it may already be past this one.
            }
        }
    }

    public async Task<BusinessClock?> GetClockAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        var table = await RowsAsync(cycleId).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(cycleId, ClockRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } e ? ClockOf(e) : null;
    }

    private static BusinessClock ClockOf(TableEntity e) =>
        new(e.GetDateTimeOffset("WallOrigin") ?? default, e.GetDateTimeOffset("BusinessOrigin") ?? default, e.GetDouble("Speed") ?? 1);

    public async Task<IReadOnlyList<DeliverableStatus>> GetManyAsync(string cycleId, string subjectId, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        if (unitIds.Count == 0)
        {
            return [];
        }

        var table = await RowsAsync(cycleId).ConfigureAwait(false);
        // One range query over the batch's keys: batches are cut from ordinally sorted units, so the range is tight.
        var wanted = unitIds.ToHashSet(StringComparer.Ordinal);
        var sorted = wanted.Order(StringComparer.Ordinal).ToList();
        var pk = StatusPartition(cycleId, subjectId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {StatusRow(sorted[0])} and RowKey le {StatusRow(sorted[^1])}");
        var rows = new List<DeliverableStatus>(wanted.Count);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey.StartsWith("S|", StringComparison.Ordinal) && wanted.Contains(entity.RowKey[2..]))
            {
                rows.Add(FromEntity(entity));
            }
        }

        return rows;
    }

    public async Task AppendCycleEventAsync(CycleEvent cycleEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cycleEvent);
        SubmissionKey.Check(cycleEvent.CycleId, nameof(cycleEvent));
        var table = await RowsAsync(cycleEvent.CycleId).ConfigureAwait(false);
        var entity = new TableEntity(cycleEvent.CycleId, $"E|{SubmissionKey.Check(cycleEvent.Key, nameof(cycleEvent))}")
        {
            ["At"] = cycleEvent.At,
            ["Kind"] = cycleEvent.Kind,
            ["Title"] = cycleEvent.Title,
            ["Detail"] = cycleEvent.Detail,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Written by an earlier attempt of the same step.
        }
    }

    public async Task<IReadOnlyList<CycleEvent>> ListCycleEventsAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        var table = await RowsAsync(cycleId).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {cycleId} and RowKey ge {"E|"} and RowKey lt {"E}"}");
        var events = new List<CycleEvent>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(new CycleEvent(cycleId, e.RowKey[2..], e.GetDateTimeOffset("At") ?? default, e.GetString("Kind") ?? "", e.GetString("Title") ?? "", e.GetString("Detail")));
        }

        return events;
    }

    public async Task RecordRemindersAsync(IReadOnlyList<DeliverableStatus> rows, string pointKey, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var changes = rows.Where(r => r.LastReminderKey != pointKey).Select(r => r.WithReminder(pointKey, sentAt));
        foreach (var partition in changes.GroupBy(r => StatusPartition(r.CycleId, r.SubjectId)))
        {
            var table = await RowsAsync(partition.First().CycleId).ConfigureAwait(false);
            var entities = partition.Select(r => new TableEntity(partition.Key, StatusRow(r.UnitId))
            {
                ["RemindersSent"] = r.RemindersSent,
                ["LastReminderKey"] = r.LastReminderKey,
                ["LastReminderAt"] = r.LastReminderAt,
                ETag = ETag.All,
            });
            foreach (var chunk in entities.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateMerge, e)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<DeliverableStatus>> ListAsync(string cycleId, string subjectId, CancellationToken cancellationToken = default)
    {
        var table = await RowsAsync(cycleId).ConfigureAwait(false);
        var pk = StatusPartition(cycleId, subjectId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {"S|"} and RowKey lt {"S}"}");
        var rows = new List<DeliverableStatus>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(FromEntity(entity));
        }

        return rows;
    }

    public async Task<DeliverableStatus> UpdateAsync(
        SubmissionKey key, Func<DeliverableStatus, DeliverableStatus> change, IReadOnlyCollection<UploadAudit>? audits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        audits ??= [];
        if (audits.Any(a => a.Key != key))
        {
            throw new ArgumentException("The audit rows must belong to the status row they are written with.", nameof(audits));
        }

        if (audits.Count >= MaxBatch)
        {
            throw new ArgumentException($"At most {MaxBatch - 1} audit rows fit in one transaction with their status row.", nameof(audits));
        }

        var table = await RowsAsync(key.CycleId).ConfigureAwait(false);
        var pk = StatusPartition(key.CycleId, key.SubjectId);
        var rk = StatusRow(key.UnitId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!current.HasValue)
            {
                throw new KeyNotFoundException($"No status row for {key}.");
            }

            // The identity never changes, whatever the change function returns.
            var next = change(FromEntity(current.Value!)) with { CycleId = key.CycleId, UnitId = key.UnitId, SubjectId = key.SubjectId };
            var entity = ToEntity(next);
            var etag = current.Value!.ETag;
            try
            {
                if (audits.Count == 0)
                {
                    await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    TableTransactionAction[] actions =
                    [
                        new(TableTransactionActionType.UpdateReplace, entity, etag),
                        .. audits.Select(a => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(a))),
                    ];
                    await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                }

                return next;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                Log.LostRace(_logger, "status row", key.ToString(), attempt + 1);
            }
        }

        throw new InvalidOperationException($"The status row {key} stayed contended for {MaxAttempts} attempts.");
    }

    public async Task<UploadAudit?> GetAuditAsync(SubmissionKey key, DateTimeOffset receivedAt, string attemptId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await RowsAsync(key.CycleId).ConfigureAwait(false);
        var rk = AuditRow(key.UnitId, receivedAt, attemptId);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(StatusPartition(key.CycleId, key.SubjectId), rk, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? AuditFromEntity(found.Value!) : null;
    }

    public async Task AppendAuditAsync(UploadAudit audit, CancellationToken cancellationToken = default)
    {
        var table = await RowsAsync(audit.Key.CycleId).ConfigureAwait(false);
        await table.AddEntityAsync(ToEntity(audit), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UploadAudit>> ListAuditAsync(string cycleId, string subjectId, string? unitId = null, CancellationToken cancellationToken = default)
    {
        var table = await RowsAsync(cycleId).ConfigureAwait(false);
        var pk = StatusPartition(cycleId, subjectId);
        var from = unitId is null ? "A|" : $"A|{SubmissionKey.Check(unitId, nameof(unitId))}|";
        var to = unitId is null ? "A}" : $"A|{unitId}}}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to}");
        var rows = new List<UploadAudit>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(AuditFromEntity(entity));
        }

        return [.. rows.OrderBy(a => a.ReceivedAt).ThenBy(a => a.AttemptId, StringComparer.Ordinal)];
    }

    public async Task<NomineeStatus> UpdateNomineeAsync(string cycleId, string roundId, string nominationId, Func<NomineeStatus?, NomineeStatus> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _created.Value.ConfigureAwait(false);
        var pk = StatusPartition(cycleId, roundId);
        var rk = SubmissionKey.Check(nominationId, nameof(nominationId));
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _nominees.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken).ConfigureAwait(false);
            var next = change(current.HasValue ? NomineeFromEntity(current.Value!) : null) with
            {
                CycleId = cycleId,
                RoundId = roundId,
                NominationId = nominationId,
            };
            var entity = ToEntity(next);
            try
            {
                if (current.HasValue)
                {
                    await _nominees.UpdateEntityAsync(entity, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _nominees.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 409)
            {
                Log.LostRace(_logger, "nominee row", $"{pk}/{rk}", attempt + 1);
            }
        }

        throw new InvalidOperationException($"The nominee row {pk}/{rk} stayed contended for {MaxAttempts} attempts.");
    }

    public async Task<IReadOnlyList<NomineeStatus>> ListNomineesAsync(string cycleId, string roundId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var pk = StatusPartition(cycleId, roundId);
        var rows = new List<NomineeStatus>();
        await foreach (var entity in _nominees.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(NomineeFromEntity(entity));
        }

        return rows;
    }

    private static async Task<int> AddMissingAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var entity in entities)
        {
            try
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                inserted++;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Existing rows carry progress (submissions, reminders) and are never reset.
            }
        }

        return inserted;
    }

    /// <summary>A cycle's rows, all partitions of it, live in one shard: its status, audit, receipts, clock and timeline.</summary>
    private Task<TableClient> RowsAsync(string cycleId) => _rows.TableForAsync(SubmissionKey.Check(cycleId, nameof(cycleId)));

    private static string StatusPartition(string cycleId, string subjectId) =>
        $"{SubmissionKey.Check(cycleId, nameof(cycleId))}:{SubmissionKey.Check(subjectId, nameof(subjectId))}";

    private static string StatusRow(string unitId) => $"S|{unitId}";

    private static string AuditRow(UploadAudit audit) => AuditRow(audit.Key.UnitId, audit.ReceivedAt, audit.AttemptId);

    private static string AuditRow(string unitId, DateTimeOffset receivedAt, string attemptId) =>
        string.Create(CultureInfo.InvariantCulture, $"A|{unitId}|{receivedAt.UtcTicks:D19}|{attemptId}");

    /// <summary>Four characters of the cycle id's hash (the n-th candidate hashes the id with n), in the receipt alphabet.</summary>
    private static string CycleCode(string cycleId, int candidate)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(candidate == 0 ? cycleId : $"{cycleId}#{candidate.ToString(CultureInfo.InvariantCulture)}"));
        var value = BitConverter.ToUInt32(hash, 0);
        return string.Create(CycleCodeLength, value, (span, v) =>
        {
            for (var i = 0; i < span.Length; i++, v >>= 5)
            {
                span[i] = ReceiptAlphabet[(int)(v & 31)];
            }
        });
    }

    private static TableEntity ToEntity(DeliverableStatus s) => new(StatusPartition(s.CycleId, s.SubjectId), StatusRow(SubmissionKey.Check(s.UnitId, nameof(s))))
    {
        ["CycleId"] = s.CycleId,
        ["UnitId"] = s.UnitId,
        ["SubjectId"] = s.SubjectId,
        ["DeadlineSemantics"] = s.Deadline.Semantics.ToString(),
        ["DeadlineDate"] = s.Deadline.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["DeadlineMonth"] = s.Deadline.Month,
        // Denormalised for queries and operators; the decision re-derives it from the worded deadline.
        ["DeadlineUtc"] = s.Cutoff,
        ["LatePolicy"] = s.LatePolicy.ToString(),
        ["TimeZone"] = s.TimeZone,
        ["Optional"] = s.Optional,
        ["State"] = s.State.ToString(),
        ["SubmittedAt"] = s.SubmittedAt,
        ["CountedVersion"] = s.CountedVersion,
        ["CountedReceipt"] = s.CountedReceipt,
        ["LatestVersion"] = s.LatestVersion,
        ["Late"] = s.Late,
        ["RemindersSent"] = s.RemindersSent,
        ["LastReminderKey"] = s.LastReminderKey,
        ["LastReminderAt"] = s.LastReminderAt,
        ["StatisticsJson"] = s.StatisticsJson,
        ["FormFiles"] = s.FormFiles.Count == 0 ? null : JsonSerializer.Serialize(s.FormFiles),
    };

    private static DeliverableStatus FromEntity(TableEntity e) => new()
    {
        CycleId = e.GetString("CycleId"),
        UnitId = e.GetString("UnitId"),
        SubjectId = e.GetString("SubjectId"),
        Deadline = new Deadline
        {
            Semantics = Enum.Parse<DeadlineSemantics>(e.GetString("DeadlineSemantics")),
            Date = e.GetString("DeadlineDate") is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Month = e.GetString("DeadlineMonth"),
        },
        LatePolicy = Enum.Parse<LatePolicy>(e.GetString("LatePolicy")),
        TimeZone = e.GetString("TimeZone"),
        Optional = e.GetBoolean("Optional") ?? false,
        State = Enum.Parse<SubmissionState>(e.GetString("State")),
        SubmittedAt = e.GetDateTimeOffset("SubmittedAt"),
        CountedVersion = e.GetInt32("CountedVersion"),
        CountedReceipt = e.GetString("CountedReceipt"),
        LatestVersion = e.GetInt32("LatestVersion") ?? 0,
        Late = e.GetBoolean("Late") ?? false,
        RemindersSent = e.GetInt32("RemindersSent") ?? 0,
        LastReminderKey = e.GetString("LastReminderKey"),
        LastReminderAt = e.GetDateTimeOffset("LastReminderAt"),
        StatisticsJson = e.GetString("StatisticsJson"),
        FormFiles = e.GetString("FormFiles") is { } forms ? JsonSerializer.Deserialize<List<FormFileVersion>>(forms) ?? [] : [],
    };

    private static TableEntity ToEntity(UploadAudit a) => new(StatusPartition(a.Key.CycleId, a.Key.SubjectId), AuditRow(a))
    {
        ["CycleId"] = a.Key.CycleId,
        ["UnitId"] = a.Key.UnitId,
        ["SubjectId"] = a.Key.SubjectId,
        ["AttemptId"] = a.AttemptId,
        ["ReceivedAt"] = a.ReceivedAt,
        ["Outcome"] = a.Outcome.ToString(),
        // Reasons quote what was sent; a refusal must still be recorded, so an overlong one is cut.
        ["Reason"] = StorageLimits.Clip(a.Reason),
        ["FileName"] = StorageLimits.Clip(a.FileName),
        // A refused dossier's files, all of them (at most 50 names of 255 characters, so the JSON fits one column).
        ["FileNames"] = a.FileNames.Count > 1 ? JsonSerializer.Serialize(a.FileNames) : null,
        ["ContentType"] = StorageLimits.Clip(a.ContentType),
        ["Size"] = a.Size,
        ["Sha256"] = a.Sha256,
        ["ReceiptNumber"] = a.ReceiptNumber,
        ["Version"] = a.Version,
        ["Form"] = a.Form,
    };

    private static UploadAudit AuditFromEntity(TableEntity e)
    {
        var audit = new UploadAudit(
            new SubmissionKey(e.GetString("CycleId"), e.GetString("UnitId"), e.GetString("SubjectId")),
            e.GetString("AttemptId"),
            e.GetDateTimeOffset("ReceivedAt") ?? default,
            Enum.Parse<UploadOutcome>(e.GetString("Outcome")),
            e.GetString("Reason"),
            e.GetString("FileName"),
            e.GetString("ContentType"),
            e.GetInt64("Size") ?? 0,
            e.GetString("Sha256"),
            e.GetString("ReceiptNumber"),
            e.GetInt32("Version"));
        audit = audit with { Form = e.GetString("Form") };
        return e.GetString("FileNames") is { } names ? audit with { FileNames = JsonSerializer.Deserialize<List<string>>(names) ?? [] } : audit;
    }

    private static TableEntity ToEntity(NomineeStatus n) => new(StatusPartition(n.CycleId, n.RoundId), n.NominationId)
    {
        ["AwardLevel"] = n.AwardLevel.ToString(),
        ["ProposedBy"] = n.ProposedBy,
        ["NomineeUnit"] = n.NomineeUnit,
        ["Kind"] = n.Kind.ToString(),
        ["Name"] = n.Name,
        ["IsPolice"] = n.IsPolice,
        ["Profile"] = n.Profile,
        ["RecordJson"] = n.RecordJson,
        ["Position"] = n.Position,
        ["PersonalId"] = n.PersonalId,
        ["Achievements"] = JsonSerializer.Serialize(n.Achievements),
        ["Unevidenced"] = JsonSerializer.Serialize(n.Unevidenced),
        ["SubmittedAt"] = n.SubmittedAt,
        ["Documents"] = JsonSerializer.Serialize(n.Documents),
        ["Versions"] = JsonSerializer.Serialize(n.Versions),
        ["Eligible"] = n.Eligible,
        ["FailedRules"] = JsonSerializer.Serialize(n.FailedRules),
        ["EligibilityReasons"] = JsonSerializer.Serialize(n.EligibilityReasons),
        ["DossierComplete"] = n.DossierComplete,
        ["DossierProblems"] = JsonSerializer.Serialize(n.DossierProblems),
        ["WithinQuota"] = n.WithinQuota,
        ["QuotaViolations"] = JsonSerializer.Serialize(n.QuotaViolations),
    };

    private static NomineeStatus NomineeFromEntity(TableEntity e)
    {
        var partition = e.PartitionKey.Split(':', 2);
        return new NomineeStatus
        {
            CycleId = partition[0],
            RoundId = partition[1],
            NominationId = e.RowKey,
            AwardLevel = Enum.Parse<AwardLevel>(e.GetString("AwardLevel")),
            ProposedBy = e.GetString("ProposedBy"),
            NomineeUnit = e.GetString("NomineeUnit"),
            Kind = Enum.Parse<NomineeKind>(e.GetString("Kind")),
            Name = e.GetString("Name"),
            IsPolice = e.GetBoolean("IsPolice") ?? false,
            Profile = e.GetString("Profile") ?? "",
            RecordJson = e.GetString("RecordJson") ?? "{}",
            Position = e.GetString("Position"),
            PersonalId = e.GetString("PersonalId"),
            Achievements = e.GetString("Achievements") is { } achievements ? JsonSerializer.Deserialize<List<AchievementRecord>>(achievements) ?? [] : [],
            Unevidenced = List(e, "Unevidenced"),
            SubmittedAt = e.GetDateTimeOffset("SubmittedAt"),
            Documents = e.GetString("Documents") is { } documents ? JsonSerializer.Deserialize<List<SubmittedDocument>>(documents) ?? [] : [],
            Versions = e.GetString("Versions") is { } versions ? JsonSerializer.Deserialize<List<int>>(versions) ?? [] : [],
            Eligible = e.GetBoolean("Eligible"),
            FailedRules = List(e, "FailedRules"),
            EligibilityReasons = List(e, "EligibilityReasons"),
            DossierComplete = e.GetBoolean("DossierComplete"),
            DossierProblems = List(e, "DossierProblems"),
            WithinQuota = e.GetBoolean("WithinQuota"),
            QuotaViolations = List(e, "QuotaViolations"),
        };
    }

    private static string[] List(TableEntity e, string name) =>
        e.GetString(name) is { } json ? JsonSerializer.Deserialize<string[]>(json) ?? [] : [];

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Lost an ETag race on the {What} {Key} (attempt {Attempt}); re-reading and re-applying")]
        public static partial void LostRace(ILogger logger, string what, string key, int attempt);
    }
}
