using System.Globalization;

namespace Workflow.Domain.Consolidation;

/// <summary>
/// Sums a deliverable's statistics by block and for the province, and measures the plan's targets. Only values inside
/// a field's declared range count (the boundary refuses others; a stored row may still hold one): with every value at
/// most <see cref="FormField.Ceiling"/>, the sums stay far inside <see cref="decimal"/>, so consolidating never throws.
/// Table fields are not summed but listed: every row of every unit that reported, grouped as the form says.
/// A form scoped to some units (<see cref="StatisticalForm.AppliesTo"/>) is summed over those units only, and a block none
/// of whose units fill it has no totals for it (not zeros: nothing was asked of the block).
/// </summary>
public static class Consolidator
{
    public static Consolidation Consolidate(Plan plan, string deliverableId, IEnumerable<UnitReport> reports)
    {
        var deliverable = plan.AllDeliverables().FirstOrDefault(d => d.Id == deliverableId)
            ?? throw new ArgumentException($"Kế hoạch không có nội dung phải nộp «{deliverableId}».", nameof(deliverableId));
        var units = plan.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var expected = deliverable.AppliesTo.Select(plan.Units).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var byUnit = reports.Where(r => expected.Contains(r.UnitId)).ToDictionary(r => r.UnitId, StringComparer.Ordinal);
        // A unit with no row at all has not reported: it counts as missing, or as not required for an optional deliverable.
        var all = expected.Select(id => byUnit.GetValueOrDefault(id) ?? new UnitReport(id, ReportState.Missing, null, null))
            .Select(r => deliverable.Optional && r.State == ReportState.Missing ? r with { State = ReportState.NotRequired } : r)
            .ToList();

        var blocks = plan.Blocks
            .Select(b => Summarise(deliverable, b.Id, b.Name, all.Where(r => units[r.UnitId].Block == b.Id).ToList(), units))
            .Where(b => b.Expected > 0)
            .ToList();
        var province = Summarise(deliverable, null, "Toàn tỉnh", all, units);
        var targets = plan.Targets.Where(t => t.Deliverable == deliverable.Id).Select(t => Measure(t, plan, all, units)).ToList();
        return new Consolidation(
            deliverable.Id,
            deliverable.Title,
            blocks,
            province,
            [.. all.Where(r => r.State == ReportState.Late).Select(r => r.UnitId).Order(StringComparer.Ordinal)],
            [.. all.Where(r => r.State == ReportState.Missing).Select(r => r.UnitId).Order(StringComparer.Ordinal)],
            targets)
        {
            Tables = Tables(plan, deliverable, all, units),
            NotRequiredUnits = [.. all.Where(r => r.State == ReportState.NotRequired).Select(r => r.UnitId).Order(StringComparer.Ordinal)],
            Relays = [.. all.Where(r => units[r.UnitId].IsRelay).Select(r => new RelayCompletion(r.UnitId, units[r.UnitId].Name, r.Statistics?.RollUp?.SubCycleId, r.Statistics?.RollUp?.Base, r.Statistics?.RollUp?.Corrections ?? []))],
        };
    }

    private static List<ConsolidatedTable> Tables(Plan plan, Deliverable deliverable, List<UnitReport> reports, Dictionary<string, Unit> units)
    {
        var blocks = plan.Blocks.ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        var tables = new List<ConsolidatedTable>();
        foreach (var form in deliverable.Forms)
        {
            foreach (var field in form.Fields.Where(f => f.Type == FieldType.Table))
            {
                // Reports are in plan unit order, so each group lists units as the plan does, then each unit's rows in order.
                var rows = new List<(ReportedRow Row, string Key)>();
                var groupColumn = field.Columns.FirstOrDefault(c => c.Id == field.GroupBy);
                foreach (var report in reports.Where(r => r.Statistics is not null && form.Includes(units[r.UnitId])))
                {
                    var unit = units[report.UnitId];
                    var reported = report.Statistics!.Get(form.Id, field.Id)?.Rows ?? [];
                    for (var i = 0; i < reported.Count; i++)
                    {
                        // A stored document may hold a null or blank row; the boundary refuses both, so there is nothing to list.
                        if (reported[i] is not { } cells || field.Columns.All(c => string.IsNullOrWhiteSpace(cells.GetValueOrDefault(c.Id))))
                        {
                            continue;
                        }

                        var row = new ReportedRow(unit.Id, unit.Name, blocks.GetValueOrDefault(unit.Block, unit.Block), i + 1,
                            [.. field.Columns.Select(c => TableCell.Display(c, cells.GetValueOrDefault(c.Id)))])
                        {
                            Origin = report.Statistics.RollUp is null ? null : cells.GetValueOrDefault(RollUp.OriginColumn),
                        };
                        var raw = groupColumn is null ? null : cells.GetValueOrDefault(groupColumn.Id);
                        rows.Add((row, string.IsNullOrWhiteSpace(raw) ? "" : TableCell.Normalize(groupColumn!, raw)));
                    }
                }

                IReadOnlyList<TableGroup> groups = groupColumn is null
                    ? [new TableGroup("", "", [.. rows.Select(r => r.Row)])]
                    : [.. rows.GroupBy(r => r.Key, StringComparer.Ordinal)
                        .OrderBy(g => GroupRank(groupColumn, g.Key))
                        .ThenBy(g => g.Key, StringComparer.Ordinal)
                        .Select(g => new TableGroup(g.Key, g.Key.Length == 0 ? "Không ghi" : TableCell.Display(groupColumn, g.Key), [.. g.Select(r => r.Row)]))];
                tables.Add(new ConsolidatedTable(form.Id, form.Title, field.Id, field.Label, [.. field.Columns.Select(c => c.Label)], groupColumn?.Label, groups));
            }
        }

        return tables;
    }

    /// <summary>
    /// Where a group stands: years, numbers and dates ascending, choices in their declared order, other text ordinal
    /// (a tie broken by the key); values that do not fit the column after those, and rows that left it blank last.
    /// </summary>
    private static (int Rank, decimal Order) GroupRank(TableColumn column, string key)
    {
        if (key.Length == 0)
        {
            return (3, 0);
        }

        return column.Type switch
        {
            ColumnType.Year or ColumnType.Integer or ColumnType.Decimal => TableCell.TryNumber(key, out var n) ? (0, n) : (2, 0),
            ColumnType.Date => TableCell.TryDate(key, out var day) ? (0, day.DayNumber) : (2, 0),
            ColumnType.Choice => Enumerable.Range(0, column.Choices.Count).FirstOrDefault(i => column.Choices[i] == key, -1) is var i and >= 0 ? (0, i) : (2, 0),
            _ => (1, 0),
        };
    }

    private static BlockSummary Summarise(Deliverable deliverable, string? blockId, string name, List<UnitReport> reports, Dictionary<string, Unit> units)
    {
        var totals = new List<FieldTotal>();
        var coverage = new List<FormCoverage>();
        foreach (var form in deliverable.Forms)
        {
            var filling = reports.Where(r => form.Includes(units[r.UnitId])).ToList();
            coverage.Add(new FormCoverage(form.Id, filling.Count));
            if (filling.Count == 0)
            {
                continue;
            }

            var reported = filling.Where(r => r.Statistics is not null).ToList();
            foreach (var field in form.Fields.Where(f => f.Type is not (FieldType.Text or FieldType.Table)))
            {
                var values = reported.Select(r => r.Statistics!.Get(form.Id, field.Id)).OfType<FieldValue>().ToList();
                var numbers = values.Select(v => Number(field, v)).ToList();
                var value = field.Type switch
                {
                    FieldType.Boolean => values.Count(v => v.Flag == true),
                    FieldType.Percent => numbers.Count == 0 ? 0 : Math.Round(numbers.Average(), 2),
                    _ => numbers.Sum(),
                };
                totals.Add(new FieldTotal(form.Id, field.Id, field.Label, field.Unit, field.Type, value));
            }
        }

        return new BlockSummary(
            blockId,
            name,
            reports.Count,
            reports.Count(r => r.State == ReportState.OnTime),
            reports.Count(r => r.State == ReportState.Late),
            reports.Count(r => r.State == ReportState.Missing),
            totals)
        {
            Coverage = coverage,
            NotRequired = reports.Count(r => r.State == ReportState.NotRequired),
            Base = reports.Any(r => r.Statistics?.RollUp is not null) ? RollUp.BaseOf(reports) : null,
        };
    }

    private static TargetOutcome Measure(Target target, Plan plan, List<UnitReport> reports, Dictionary<string, Unit> units)
    {
        var label = plan.AllDeliverables().SelectMany(d => d.Forms).Where(f => f.Id == target.Form)
            .SelectMany(f => f.Fields).FirstOrDefault(f => f.Id == target.Field)?.Label ?? target.Field;
        var inScope = reports.Where(r => target.AppliesTo.Includes(units[r.UnitId])).ToList();
        var shortfalls = new List<UnitShortfall>();
        decimal achieved = 0, total = 0;
        foreach (var report in inScope)
        {
            var name = units[report.UnitId].Name;
            if (report.Statistics is null)
            {
                shortfalls.Add(new UnitShortfall(report.UnitId, name, $"Chưa báo cáo «{label}»."));
                continue;
            }

            if (target.TotalField is { } totalField)
            {
                var count = Number(plan, target.Form, target.Field, report.Statistics);
                var of = Number(plan, target.Form, totalField, report.Statistics);
                achieved += count;
                total += of;
                if (of > 0 && !Reaches(count * 100 / of, target))
                {
                    shortfalls.Add(new UnitShortfall(report.UnitId, name, $"«{label}» đạt {Percent(count * 100 / of)} ({count:0}/{of:0}), yêu cầu {Threshold(target)}."));
                }
            }
            else
            {
                total++;
                if (report.Statistics.Get(target.Form, target.Field)?.Flag == true)
                {
                    achieved++;
                }
                else
                {
                    shortfalls.Add(new UnitShortfall(report.UnitId, name, $"Không đạt «{label}»."));
                }
            }
        }

        decimal? share = total == 0 ? null : Math.Round(achieved * 100 / total, 2);
        return new TargetOutcome(target.Id, target.Description, share, target.MinPercent, target.Exclusive, share is { } s && Reaches(s, target), shortfalls);
    }

    /// <summary>A reported number inside the field's declared range; anything else (missing, negative, huge) counts as 0.</summary>
    private static decimal Number(FormField field, FieldValue value) => value.Number is { } n && field.Accepts(n) ? n : 0;

    private static decimal Number(Plan plan, string formId, string fieldId, ReportStatistics statistics)
    {
        var field = plan.AllDeliverables().SelectMany(d => d.Forms).Where(f => f.Id == formId).SelectMany(f => f.Fields).FirstOrDefault(f => f.Id == fieldId);
        return field is not null && statistics.Get(formId, fieldId) is { } value ? Number(field, value) : 0;
    }

    private static bool Reaches(decimal percent, Target target) => target.Exclusive ? percent > target.MinPercent : percent >= target.MinPercent;

    private static string Threshold(Target target) => $"{(target.Exclusive ? "trên" : "từ")} {Percent(target.MinPercent)}";

    private static string Percent(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")) + "%";
}
