using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Storage;

/// <summary>
/// Table layout. Status table: partition <c>{cycle}:{subject}</c> holds one status row per unit (<c>S|{unit}</c>) and
/// that unit's audit rows (<c>A|{unit}|{ticks}|{attempt}</c>), so a status change and its audit row commit in one
/// transaction; partition <c>{cycle}</c> holds the receipt counter and the cycle's business clock. Nominee table: partition <c>{cycle}:{round}</c>,
/// one row per nomination.
/// </summary>
public sealed partial class TableStatusStore : IStatusStore
{
    /// <summary>The service rejects larger transactions with an unhelpful error, so the limit is enforced here.</summary>
    public const int MaxBatch = 100;

    private const int MaxAttempts = 50;
    private const string CounterRow = "receipts";
    private const string ClockRow = "clock";

    private readonly TableClient _status;
    private readonly TableClient _nominees;
    private readonly ILogger<TableStatusStore> _logger;
    private readonly Lazy<Task> _created;

    public TableStatusStore(IOptions<StorageOptions> options, ILogger<TableStatusStore> logger)
    {
        var value = options.Value;
        var service = new TableServiceClient(value.ConnectionString);
        _status = service.GetTableClient(value.StatusTable);
        _nominees = service.GetTableClient(value.NomineeTable);
        _logger = logger;
        _created = new Lazy<Task>(() => Task.WhenAll(_status.CreateIfNotExistsAsync(), _nominees.CreateIfNotExistsAsync()));
    }

    public async Task EnsureCycleAsync(string cycleId, string receiptPrefix, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        ArgumentException.ThrowIfNullOrWhiteSpace(receiptPrefix);
        await _created.Value.ConfigureAwait(false);
        var entity = new TableEntity(cycleId, CounterRow) { ["Prefix"] = receiptPrefix, ["Last"] = 0L };
        try
        {
            await _status.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already registered: the series must not change once receipts have been issued.
        }
    }

    public async Task<string> NextReceiptNumberAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        await _created.Value.ConfigureAwait(false);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _status.GetEntityIfExistsAsync<TableEntity>(cycleId, CounterRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!current.HasValue)
            {
                await EnsureCycleAsync(cycleId, cycleId.ToUpperInvariant(), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var row = current.Value!;
            var next = (row.GetInt64("Last") ?? 0) + 1;
            row["Last"] = next;
            try
            {
                await _status.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return string.Create(CultureInfo.InvariantCulture, $"{row.GetString("Prefix")}-{next:D6}");
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                Log.LostRace(_logger, "receipt counter", cycleId, attempt + 1);
            }
        }

        throw new InvalidOperationException($"The receipt counter of cycle {cycleId} stayed contended for {MaxAttempts} attempts.");
    }

    public async Task<int> SeedAsync(IEnumerable<DeliverableStatus> rows, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var inserted = 0;
        foreach (var partition in rows.Select(ToEntity).GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                try
                {
                    await _status.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken).ConfigureAwait(false);
                    inserted += chunk.Length;
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409)
                {
                    // Some rows exist (a re-run): the batch rolled back as a whole, so insert one by one, keeping existing rows.
                    inserted += await AddMissingAsync(chunk, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return inserted;
    }

    public async Task<DeliverableStatus?> GetAsync(SubmissionKey key, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var response = await _status.GetEntityIfExistsAsync<TableEntity>(StatusPartition(key.CycleId, key.SubjectId), StatusRow(key.UnitId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task SetClockAsync(string cycleId, BusinessClock clock, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        ArgumentNullException.ThrowIfNull(clock);
        await _created.Value.ConfigureAwait(false);
        var entity = new TableEntity(cycleId, ClockRow)
        {
            ["WallOrigin"] = clock.WallOrigin,
            ["BusinessOrigin"] = clock.BusinessOrigin,
            ["Speed"] = clock.Speed,
        };
        await _status.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BusinessClock?> GetClockAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        await _created.Value.ConfigureAwait(false);
        var response = await _status.GetEntityIfExistsAsync<TableEntity>(cycleId, ClockRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } e
            ? new BusinessClock(e.GetDateTimeOffset("WallOrigin") ?? default, e.GetDateTimeOffset("BusinessOrigin") ?? default, e.GetDouble("Speed") ?? 1)
            : null;
    }

    public async Task<IReadOnlyList<DeliverableStatus>> GetManyAsync(string cycleId, string subjectId, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        if (unitIds.Count == 0)
        {
            return [];
        }

        await _created.Value.ConfigureAwait(false);
        // One range query over the batch's keys: batches are cut from ordinally sorted units, so the range is tight.
        var wanted = unitIds.ToHashSet(StringComparer.Ordinal);
        var sorted = wanted.Order(StringComparer.Ordinal).ToList();
        var pk = StatusPartition(cycleId, subjectId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {StatusRow(sorted[0])} and RowKey le {StatusRow(sorted[^1])}");
        var rows = new List<DeliverableStatus>(wanted.Count);
        await foreach (var entity in _status.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
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
        await _created.Value.ConfigureAwait(false);
        var entity = new TableEntity(cycleEvent.CycleId, $"E|{SubmissionKey.Check(cycleEvent.Key, nameof(cycleEvent))}")
        {
            ["At"] = cycleEvent.At,
            ["Kind"] = cycleEvent.Kind,
            ["Title"] = cycleEvent.Title,
            ["Detail"] = cycleEvent.Detail,
        };
        try
        {
            await _status.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Written by an earlier attempt of the same step.
        }
    }

    public async Task<IReadOnlyList<CycleEvent>> ListCycleEventsAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        SubmissionKey.Check(cycleId, nameof(cycleId));
        await _created.Value.ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {cycleId} and RowKey ge {"E|"} and RowKey lt {"E}"}");
        var events = new List<CycleEvent>();
        await foreach (var e in _status.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(new CycleEvent(cycleId, e.RowKey[2..], e.GetDateTimeOffset("At") ?? default, e.GetString("Kind") ?? "", e.GetString("Title") ?? "", e.GetString("Detail")));
        }

        return events;
    }

    public async Task RecordRemindersAsync(IReadOnlyList<DeliverableStatus> rows, string pointKey, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await _created.Value.ConfigureAwait(false);
        var changes = rows.Where(r => r.LastReminderKey != pointKey).Select(r => r.WithReminder(pointKey, sentAt)).Select(r => new TableEntity(StatusPartition(r.CycleId, r.SubjectId), StatusRow(r.UnitId))
        {
            ["RemindersSent"] = r.RemindersSent,
            ["LastReminderKey"] = r.LastReminderKey,
            ["LastReminderAt"] = r.LastReminderAt,
            ETag = ETag.All,
        });
        foreach (var partition in changes.GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(MaxBatch))
            {
                await _status.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateMerge, e)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<DeliverableStatus>> ListAsync(string cycleId, string subjectId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var pk = StatusPartition(cycleId, subjectId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {"S|"} and RowKey lt {"S}"}");
        var rows = new List<DeliverableStatus>();
        await foreach (var entity in _status.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(FromEntity(entity));
        }

        return rows;
    }

    public async Task<DeliverableStatus> UpdateAsync(SubmissionKey key, Func<DeliverableStatus, DeliverableStatus> change, UploadAudit? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (audit is not null && audit.Key != key)
        {
            throw new ArgumentException("The audit row must belong to the status row it is written with.", nameof(audit));
        }

        await _created.Value.ConfigureAwait(false);
        var pk = StatusPartition(key.CycleId, key.SubjectId);
        var rk = StatusRow(key.UnitId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await _status.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: cancellationToken).ConfigureAwait(false);
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
                if (audit is null)
                {
                    await _status.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    TableTransactionAction[] actions =
                    [
                        new(TableTransactionActionType.UpdateReplace, entity, etag),
                        new(TableTransactionActionType.Add, ToEntity(audit)),
                    ];
                    await _status.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
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

    public async Task AppendAuditAsync(UploadAudit audit, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        await _status.AddEntityAsync(ToEntity(audit), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UploadAudit>> ListAuditAsync(string cycleId, string subjectId, string? unitId = null, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var pk = StatusPartition(cycleId, subjectId);
        var from = unitId is null ? "A|" : $"A|{SubmissionKey.Check(unitId, nameof(unitId))}|";
        var to = unitId is null ? "A}" : $"A|{unitId}}}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {from} and RowKey lt {to}");
        var rows = new List<UploadAudit>();
        await foreach (var entity in _status.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
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

    private async Task<int> AddMissingAsync(IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var entity in entities)
        {
            try
            {
                await _status.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                inserted++;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Existing rows carry progress (submissions, reminders) and are never reset.
            }
        }

        return inserted;
    }

    private static string StatusPartition(string cycleId, string subjectId) =>
        $"{SubmissionKey.Check(cycleId, nameof(cycleId))}:{SubmissionKey.Check(subjectId, nameof(subjectId))}";

    private static string StatusRow(string unitId) => $"S|{unitId}";

    private static string AuditRow(UploadAudit audit) =>
        string.Create(CultureInfo.InvariantCulture, $"A|{audit.Key.UnitId}|{audit.ReceivedAt.UtcTicks:D19}|{audit.AttemptId}");

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
    };

    private static TableEntity ToEntity(UploadAudit a) => new(StatusPartition(a.Key.CycleId, a.Key.SubjectId), AuditRow(a))
    {
        ["CycleId"] = a.Key.CycleId,
        ["UnitId"] = a.Key.UnitId,
        ["SubjectId"] = a.Key.SubjectId,
        ["AttemptId"] = a.AttemptId,
        ["ReceivedAt"] = a.ReceivedAt,
        ["Outcome"] = a.Outcome.ToString(),
        ["Reason"] = a.Reason,
        ["FileName"] = a.FileName,
        ["ContentType"] = a.ContentType,
        ["Size"] = a.Size,
        ["Sha256"] = a.Sha256,
        ["ReceiptNumber"] = a.ReceiptNumber,
        ["Version"] = a.Version,
    };

    private static UploadAudit AuditFromEntity(TableEntity e) => new(
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
