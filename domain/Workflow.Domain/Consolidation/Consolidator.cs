using System.Globalization;

namespace Workflow.Domain.Consolidation;

/// <summary>
/// Sums a deliverable's statistics by block and for the province, and measures the plan's targets. Only values inside
/// a field's declared range count (the boundary refuses others; a stored row may still hold one): with every value at
/// most <see cref="FormField.Ceiling"/>, the sums stay far inside <see cref="decimal"/>, so consolidating never throws.
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
            .Select(b => Summarise(deliverable, b.Id, b.Name, all.Where(r => units[r.UnitId].Block == b.Id).ToList()))
            .Where(b => b.Expected > 0)
            .ToList();
        var province = Summarise(deliverable, null, "Toàn tỉnh", all);
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
            NotRequiredUnits = [.. all.Where(r => r.State == ReportState.NotRequired).Select(r => r.UnitId).Order(StringComparer.Ordinal)],
        };
    }

    private static BlockSummary Summarise(Deliverable deliverable, string? blockId, string name, List<UnitReport> reports)
    {
        var reported = reports.Where(r => r.Statistics is not null).ToList();
        var totals = new List<FieldTotal>();
        foreach (var form in deliverable.Forms)
        {
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
            NotRequired = reports.Count(r => r.State == ReportState.NotRequired),
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
