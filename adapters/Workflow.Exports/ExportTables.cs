using System.Globalization;
using Workflow.Domain.Consolidation;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;
using Workflow.Domain.Time;

namespace Workflow.Exports;

/// <summary>
/// Lays the consolidated results out as tables with Vietnamese headings, once, for both CSV and Excel: per
/// deliverable the totals shaped like its forms (a row per field, a column per block and the province), the units
/// with their state and values, the targets, and one table per table field shaped like the form; per award level the
/// nominees and their outcome. Sheet names are made valid and unique for Excel.
/// </summary>
public static class ExportTables
{
    /// <summary>A unit that did not hand in an optional deliverable.</summary>
    public const string NotRequired = "Không nộp (không bắt buộc)";

    public static IReadOnlyList<ExportTable> Build(Plan plan, IReadOnlyList<DeliverableExport> deliverables, IReadOnlyList<RoundOutcome> rounds)
    {
        var tables = new List<ExportTable>();
        foreach (var (export, index) in deliverables.Select((d, i) => (d, i + 1)))
        {
            var deliverable = plan.AllDeliverables().First(d => d.Id == export.Consolidation.DeliverableId);
            tables.Add(Totals(export.Consolidation, deliverable, index));
            tables.Add(Units(plan, deliverable, export, index));
            if (export.Consolidation.Targets.Count > 0)
            {
                tables.Add(Targets(export.Consolidation, index));
            }

            tables.AddRange(export.Consolidation.Tables.Select(t => Rows(deliverable, t, index)));
            if (export.Consolidation.Relays.Count > 0)
            {
                tables.Add(Relays(export.Consolidation, index));
            }
        }

        foreach (var (outcome, index) in rounds.Select((r, i) => (r, i + 1)))
        {
            tables.Add(Nominees(plan, outcome, index));
        }

        return SheetNames.MakeUnique(tables);
    }

    private static ExportTable Totals(Consolidation consolidation, Deliverable deliverable, int index)
    {
        var summaries = consolidation.Blocks.Append(consolidation.Province).ToList();
        var columns = new List<string> { "Biểu mẫu", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính" };
        columns.AddRange(summaries.Select(s => s.Name));
        var rows = new List<IReadOnlyList<object?>>
        {
            Row(["", "", "Số đơn vị phải báo cáo", "đơn vị", .. summaries.Select(s => (object?)s.Expected)]),
            Row(["", "", "Đúng hạn", "đơn vị", .. summaries.Select(s => (object?)s.OnTime)]),
            Row(["", "", "Muộn", "đơn vị", .. summaries.Select(s => (object?)s.Late)]),
            Row(["", "", "Chưa báo cáo", "đơn vị", .. summaries.Select(s => (object?)s.Missing)]),
        };
        if (deliverable.Optional)
        {
            // Not handing in an optional deliverable is not a shortfall: counted on a line of its own.
            rows.Add(Row(["", "", NotRequired, "đơn vị", .. summaries.Select(s => (object?)s.NotRequired)]));
        }

        foreach (var form in deliverable.Forms)
        {
            if (form.AppliesTo is not null)
            {
                // A scoped form says whom it was asked of; blocks outside its scope stay blank, not zero.
                rows.Add(Row([form.Title, "", "Số đơn vị phải lập biểu mẫu", "đơn vị", .. summaries.Select(s => Covered(s, form.Id) is > 0 and var n ? (object?)n : null)]));
            }

            foreach (var field in form.Fields.Where(f => f.Type is not (FieldType.Text or FieldType.Table)))
            {
                var unit = field.Type == FieldType.Boolean ? "đơn vị đạt" : field.Unit ?? "";
                rows.Add(Row([form.Title, field.Id, field.Label, unit, .. summaries.Select(s => (object?)s.Totals.FirstOrDefault(t => t.Form == form.Id && t.Field == field.Id)?.Value)]));
            }
        }

        return new ExportTable($"{deliverable.Id}-tong-hop", $"{index}. Tổng hợp", columns, rows);
    }

    private static int Covered(BlockSummary summary, string formId) => summary.Coverage.FirstOrDefault(c => c.Form == formId)?.Units ?? 0;

    private static ExportTable Units(Plan plan, Deliverable deliverable, DeliverableExport export, int index)
    {
        var blocks = plan.Blocks.ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
        var byUnit = export.Reports.ToDictionary(r => r.UnitId, StringComparer.Ordinal);
        var fields = deliverable.Forms.SelectMany(f => f.Fields.Select(x => (Form: f, Field: x))).ToList();
        var columns = new List<string> { "Mã đơn vị", "Tên đơn vị", "Khối", "Tình trạng", "Thời điểm nộp" };
        columns.AddRange(fields.Select(f => f.Field.Unit is { } u ? $"{f.Field.Label} ({u})" : f.Field.Label));
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var unit in deliverable.AppliesTo.Select(plan.Units))
        {
            var report = byUnit.GetValueOrDefault(unit.Id);
            var state = report?.State switch
            {
                ReportState.OnTime => "Đúng hạn",
                ReportState.Late => "Muộn",
                ReportState.NotRequired => NotRequired,
                _ when deliverable.Optional => NotRequired,
                _ => "Chưa báo cáo",
            };
            var submitted = report?.SubmittedAt is { } at
                ? VietnamTime.FormatDateTime(at)
                : "";
            var values = fields.Select(f => Value(report?.Statistics?.Get(f.Form.Id, f.Field.Id)));
            rows.Add(Row([unit.Id, unit.Name, blocks.GetValueOrDefault(unit.Block, unit.Block), state, submitted, .. values]));
        }

        return new ExportTable($"{deliverable.Id}-don-vi", $"{index}. Đơn vị", columns, rows);
    }

    /// <summary>
    /// A table field as the form lays it out, with the reporting unit and its block in front. Grouped tables carry a
    /// heading row per group ("Năm: 2023 (4 dòng)", the other cells empty) above its rows, so the grouping reads in
    /// Excel and in print; each row still holds its own value of the group column, so the rows also filter and sort.
    /// </summary>
    private static ExportTable Rows(Deliverable deliverable, ConsolidatedTable table, int index)
    {
        // Rows a relay rolled up from its units say which unit under it they came from.
        var origins = table.Groups.SelectMany(g => g.Rows).Any(r => r.Origin is not null);
        var columns = new List<string> { "Đơn vị báo cáo", "Khối" };
        if (origins)
        {
            columns.Add("Đơn vị cơ sở");
        }

        columns.AddRange(table.Columns);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var group in table.Groups.Where(g => g.Rows.Count > 0))
        {
            if (table.GroupBy is { } by)
            {
                rows.Add(Row([$"{by}: {group.Title} ({group.Rows.Count} dòng)", .. columns.Skip(1).Select(_ => (object?)"")]));
            }

            rows.AddRange(group.Rows.Select(r => origins ? Row([r.UnitName, r.BlockName, r.Origin ?? "", .. r.Cells]) : Row([r.UnitName, r.BlockName, .. r.Cells])));
        }

        if (rows.Count == 0)
        {
            rows.Add(Row(["Chưa có đơn vị nào báo cáo dòng nào.", .. columns.Skip(1).Select(_ => (object?)"")]));
        }

        return new ExportTable($"{deliverable.Id}-bang-{table.FormId}-{table.FieldId}", $"{index}. {table.Label}", columns, rows);
    }

    /// <summary>Each relay's base units' completion as its roll-up reported it, and the figures it corrected with the reasons.</summary>
    private static ExportTable Relays(Consolidation consolidation, int index)
    {
        var rows = consolidation.Relays.Select(r => Row(
        [
            r.Name,
            r.SubCycleId ?? "",
            r.Base?.Expected,
            r.Base?.OnTime,
            r.Base?.Late,
            r.Base?.Missing,
            r.Describe(),
            string.Join("; ", r.Corrections.Select(c => $"{c.Label}: {c.Prefilled} → {c.Value} ({c.Reason})")),
        ])).ToList();
        return new ExportTable($"{consolidation.DeliverableId}-cap-co-so", $"{index}. Cấp cơ sở",
            ["Đơn vị", "Kỳ báo cáo cấp dưới", "Đơn vị cơ sở phải nộp", "Đúng hạn", "Muộn", "Chưa nộp", "Tình hình", "Số liệu điều chỉnh (lý do)"], rows);
    }

    private static ExportTable Targets(Consolidation consolidation, int index)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var target in consolidation.Targets)
        {
            var achieved = target.AchievedPercent is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "";
            var threshold = $"{(target.Exclusive ? "trên" : "từ")} {target.MinPercent.ToString("0.##", CultureInfo.InvariantCulture)}%";
            rows.Add(Row([target.Description, achieved, threshold, target.Met ? "Đạt" : "Không đạt", "", ""]));
            foreach (var shortfall in target.Shortfalls)
            {
                rows.Add(Row(["", "", "", "", shortfall.UnitName, shortfall.Reason]));
            }
        }

        return new ExportTable($"{consolidation.DeliverableId}-chi-tieu", $"{index}. Chỉ tiêu", ["Chỉ tiêu thi đua", "Kết quả", "Yêu cầu", "Đánh giá", "Đơn vị chưa đạt", "Lý do"], rows);
    }

    private static ExportTable Nominees(Plan plan, RoundOutcome outcome, int index)
    {
        var round = plan.NominationRounds.First(r => r.Id == outcome.RoundId);
        // Nominees forwarded by a relay belong to units under it.
        var units = plan.AllUnits().ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var rows = outcome.Nominees.Select(n => Row(
        [
            n.Nomination.Id,
            n.Nomination.Name,
            n.Nomination.Kind == NomineeKind.Collective ? "Tập thể" : "Cá nhân",
            units.GetValueOrDefault(n.Nomination.NomineeUnit, n.Nomination.NomineeUnit),
            units.GetValueOrDefault(n.Nomination.ProposedBy, n.Nomination.ProposedBy),
            n.Nomination.IsPolice ? "Có" : "Không",
            n.Accepted ? "Đủ điều kiện" : "Không đủ điều kiện",
            string.Join("; ", n.Reasons),
            n.Eligibility.Evidenced ? "Đủ minh chứng" : string.Join("; ", n.Eligibility.Unevidenced.Select(f => f.Message)),
        ])).ToList();
        rows.AddRange(outcome.Shortfalls.Select(s => Row(["", "", "", "", "", "", "Chưa đủ cơ cấu", s.Message, ""])));
        var name = $"{index}. {Abbreviate(round.AwardLevel)}";
        return new ExportTable($"khen-thuong-{round.Id}", name, ["Mã hồ sơ", "Tập thể, cá nhân", "Loại", "Đơn vị", "Đơn vị đề nghị", "Lực lượng Công an", "Kết quả", "Lý do", "Minh chứng"], rows);
    }

    // Excel limits sheet names to 31 characters.
    private static string Abbreviate(AwardLevel level) => level switch
    {
        AwardLevel.MinisterCertificate => "BK Bộ trưởng BCA",
        AwardLevel.ProvinceChairCertificate => "BK Chủ tịch UBND tỉnh",
        AwardLevel.PoliceDirectorCertificate => "GK Giám đốc CA tỉnh",
        AwardLevel.DistrictChairCertificate => "GK Chủ tịch UBND huyện",
        _ => "Cờ thi đua",
    };

    private static object? Value(FieldValue? value) => value switch
    {
        null => null,
        { Number: { } n } => n,
        { Flag: { } f } => f ? "Có" : "Không",
        { Rows: { } rows } => $"{rows.Count} dòng",
        _ => value.Text,
    };

    private static IReadOnlyList<object?> Row(object?[] cells) => cells;
}
