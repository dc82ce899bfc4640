namespace Workflow.Domain.Reports;

/// <summary>The values a unit reports: form id → field id → value, as sent with the report file.</summary>
public sealed record ReportStatistics
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, FieldValue>> Forms { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>();

    /// <summary>Set only on a relay's report to its parent (<see cref="Levels.RollUp"/>); a unit's own report never carries it.</summary>
    public Levels.RollUpInfo? RollUp { get; init; }

    /// <summary>The value reported for a field; null when absent (also when a stored document holds nulls).</summary>
    public FieldValue? Get(string form, string field) =>
        Forms is not null && Forms.TryGetValue(form, out var fields) && fields is not null && fields.TryGetValue(field, out var value) ? value : null;
}
