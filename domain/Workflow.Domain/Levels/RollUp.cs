using Workflow.Domain.Consolidation;

namespace Workflow.Domain.Levels;

/// <summary>
/// A relay's report to its parent, pre-filled from its sub-cycle: numbers as the sub-cycle's consolidation sums them
/// (percentages averaged), tables concatenated with each row's originating unit, and its base units' completion.
/// Yes/no and text fields are the relay's own to fill. What the relay changes from the pre-filled figures is a
/// correction, and each needs a reason.
/// </summary>
public static class RollUp
{
    /// <summary>The cell of a rolled-up table row naming the unit it came from; only a relay's report may carry it.</summary>
    public const string OriginColumn = "_donVi";

    /// <summary>
    /// The base units' completion under the sub-cycle: a unit that itself reported a roll-up brings its own base, any
    /// other unit counts as one base unit by its state. Optional deliverables count only those who handed in.
    /// </summary>
    public static BaseCompletion BaseOf(IEnumerable<UnitReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var total = BaseCompletion.None;
        foreach (var report in reports)
        {
            total = total.Add(report.Statistics?.RollUp?.Base ?? report.State switch
            {
                ReportState.OnTime => new BaseCompletion(1, 1, 0, 0),
                ReportState.Late => new BaseCompletion(1, 0, 1, 0),
                ReportState.Missing => new BaseCompletion(1, 0, 0, 1),
                _ => BaseCompletion.None,
            });
        }

        return total;
    }

    /// <summary>
    /// The statistics the relay's report starts from. <paramref name="sub"/> is the sub-cycle's plan,
    /// <paramref name="consolidation"/> its consolidation of the deliverable now, <paramref name="reports"/> its units'
    /// reports. Only the forms the relay fills in the parent (<paramref name="parentDeliverable"/>) are filled.
    /// </summary>
    public static ReportStatistics Prefill(Plan sub, Deliverable parentDeliverable, Unit relay, Consolidation.Consolidation consolidation, IReadOnlyList<UnitReport> reports)
    {
        ArgumentNullException.ThrowIfNull(sub);
        ArgumentNullException.ThrowIfNull(parentDeliverable);
        ArgumentNullException.ThrowIfNull(consolidation);
        ArgumentNullException.ThrowIfNull(reports);
        var units = sub.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>(StringComparer.Ordinal);
        foreach (var form in parentDeliverable.FormsFor(relay).Where(f => !f.IsFileOnly))
        {
            var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
            foreach (var field in form.Fields)
            {
                if (field.Type is FieldType.Integer or FieldType.Decimal or FieldType.Percent
                    && consolidation.Province.Totals.FirstOrDefault(t => t.Form == form.Id && t.Field == field.Id) is { } total)
                {
                    fields[field.Id] = FieldValue.Of(total.Value);
                }
                else if (field.Type == FieldType.Table)
                {
                    fields[field.Id] = FieldValue.Of(Rows(form.Id, field, reports, units));
                }
            }

            forms[form.Id] = fields;
        }

        return new ReportStatistics { Forms = forms };
    }

    /// <summary>
    /// The report the relay sends: its own statistics (or the pre-filled ones), with every number or table that differs
    /// from the pre-filled one listed as a correction. A correction without a reason in <paramref name="reasons"/>
    /// (keyed "form.field") is refused with that key as the field. Nothing the relay did not touch needs a reason.
    /// </summary>
    public static (ReportStatistics Statistics, IReadOnlyList<StatisticsError> Errors) Apply(
        Deliverable parentDeliverable, Unit relay, ReportStatistics prefilled, ReportStatistics? submitted, IReadOnlyDictionary<string, string> reasons,
        string subCycleId, BaseCompletion completion, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(parentDeliverable);
        ArgumentNullException.ThrowIfNull(prefilled);
        ArgumentNullException.ThrowIfNull(reasons);
        var chosen = submitted ?? prefilled;
        var corrections = new List<RollUpCorrection>();
        var errors = new List<StatisticsError>();
        foreach (var form in parentDeliverable.FormsFor(relay).Where(f => !f.IsFileOnly))
        {
            foreach (var field in form.Fields)
            {
                if (prefilled.Get(form.Id, field.Id) is not { } before)
                {
                    continue;
                }

                var after = chosen.Get(form.Id, field.Id);
                var was = Show(before);
                var now = after is null ? "(bỏ trống)" : Show(after);
                if (was == now)
                {
                    continue;
                }

                var key = $"{form.Id}.{field.Id}";
                if (!reasons.TryGetValue(key, out var reason) || string.IsNullOrWhiteSpace(reason))
                {
                    errors.Add(new StatisticsError($"corrections.{key}",
                        $"«{field.Label}» khác số liệu tổng hợp từ các đơn vị trực thuộc ({Brief(was)} → {Brief(now)}); ghi lý do điều chỉnh."));
                    continue;
                }

                corrections.Add(new RollUpCorrection(form.Id, field.Id, field.Label, Brief(was), Brief(now), reason.Trim()));
            }
        }

        foreach (var key in reasons.Keys.Where(k => !corrections.Any(c => $"{c.Form}.{c.Field}" == k) && !errors.Any(e => e.Field == $"corrections.{k}")).Order(StringComparer.Ordinal))
        {
            errors.Add(new StatisticsError($"corrections.{key}", $"«{key}» không phải số liệu đã được điều chỉnh; bỏ lý do này."));
        }

        var statistics = chosen with
        {
            RollUp = new RollUpInfo { SubCycleId = subCycleId, Base = completion, Corrections = corrections, By = by, At = at },
        };
        return (statistics, errors);
    }

    private static List<IReadOnlyDictionary<string, string>> Rows(string formId, FormField field, IReadOnlyList<UnitReport> reports, Dictionary<string, Unit> units)
    {
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var report in reports.Where(r => r.Statistics is not null && r.State is ReportState.OnTime or ReportState.Late))
        {
            var name = units.GetValueOrDefault(report.UnitId)?.Name ?? report.UnitId;
            foreach (var row in report.Statistics!.Get(formId, field.Id)?.Rows ?? [])
            {
                if (row is null || field.Columns.All(c => string.IsNullOrWhiteSpace(row.GetValueOrDefault(c.Id))))
                {
                    continue;
                }

                // A row already rolled up below keeps the base unit it came from.
                var copy = field.Columns.Where(c => row.ContainsKey(c.Id)).ToDictionary(c => c.Id, c => row[c.Id], StringComparer.Ordinal);
                copy[OriginColumn] = row.GetValueOrDefault(OriginColumn) is { Length: > 0 } origin ? origin : name;
                rows.Add(copy);
            }
        }

        return rows;
    }

    private static string Show(FieldValue value) =>
        value.Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : value.Rows is { } rows ? string.Join("\n", rows.Select(r => string.Join("|", r.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"))))
        : value.Flag is { } f ? (f ? "có" : "không")
        : value.Text ?? "";

    /// <summary>A table's change is shown by its row count; a number as it is.</summary>
    private static string Brief(string shown) => shown.Contains('=', StringComparison.Ordinal) || shown.Contains('\n', StringComparison.Ordinal)
        ? $"{shown.Split('\n').Length} dòng"
        : shown.Length == 0 ? "0 dòng" : shown;
}
