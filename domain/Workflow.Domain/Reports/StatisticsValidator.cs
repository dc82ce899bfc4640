namespace Workflow.Domain.Reports;

/// <summary>
/// Checks a unit's statistics against the deliverable's forms it fills: every field present, of its type, inside its
/// declared range (<see cref="FormField.Accepts"/>), of one kind only, and no null where a value is required. A table's
/// rows are checked cell by cell against their columns, and errors name the row and the column. File-only forms and
/// forms scoped to other units take no values.
/// </summary>
public static class StatisticsValidator
{
    /// <param name="unit">The reporting unit; null checks every form of the deliverable.</param>
    public static IReadOnlyList<StatisticsError> Validate(Deliverable deliverable, ReportStatistics statistics, Unit? unit = null)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        ArgumentNullException.ThrowIfNull(statistics);
        var errors = new List<StatisticsError>();
        if (statistics.Forms is null)
        {
            return [new StatisticsError("forms", "Thiếu số liệu các biểu mẫu (forms).")];
        }

        var forms = deliverable.Forms.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var filled = deliverable.FormsFor(unit).Where(f => !f.IsFileOnly).ToList();
        foreach (var formId in statistics.Forms.Keys.Where(id => !filled.Exists(f => f.Id == id)))
        {
            errors.Add(new StatisticsError($"forms.{formId}", forms.TryGetValue(formId, out var other)
                ? other.IsFileOnly
                    ? $"Biểu mẫu «{other.Title}» nộp bằng tệp, không nhập số liệu."
                    : $"Biểu mẫu «{other.Title}» không áp dụng cho đơn vị này."
                : $"Biểu mẫu «{formId}» không có trong «{deliverable.Title}»."));
        }

        foreach (var form in filled)
        {
            var values = statistics.Forms.GetValueOrDefault(form.Id) ?? new Dictionary<string, FieldValue>();
            var fields = form.Fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
            foreach (var fieldId in values.Keys.Where(id => !fields.ContainsKey(id)))
            {
                errors.Add(new StatisticsError($"forms.{form.Id}.{fieldId}", $"Chỉ tiêu «{fieldId}» không có trong biểu mẫu «{form.Title}»."));
            }

            foreach (var field in form.Fields)
            {
                var path = $"forms.{form.Id}.{field.Id}";
                if (!values.TryGetValue(field.Id, out var value) || value is null)
                {
                    errors.Add(new StatisticsError(path, $"Thiếu chỉ tiêu «{field.Label}» của biểu mẫu «{form.Title}»."));
                    continue;
                }

                if (Check(field, value, rolledUp: statistics.RollUp is not null) is { } problem)
                {
                    errors.Add(new StatisticsError(path, $"Chỉ tiêu «{field.Label}»: {problem}"));
                }
                else if (field.Type == FieldType.Table)
                {
                    errors.AddRange(CheckRows(field, value.Rows!, path, rolledUp: statistics.RollUp is not null));
                }
            }
        }

        return errors;
    }

    /// <summary>The most rows a table without its own bound takes: one report's table, not a data dump.</summary>
    public const int MaxTableRows = 500;

    private static IEnumerable<StatisticsError> CheckRows(FormField field, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, string path, bool rolledUp)
    {
        var columns = field.Columns.ToDictionary(c => c.Id, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? new Dictionary<string, string>();
            var at = $"{path}.rows[{i}]";
            // A relay's rolled-up row names the unit it came from; no other report may claim an origin.
            foreach (var unknown in row.Keys.Where(k => !columns.ContainsKey(k) && !(rolledUp && k == RollUp.OriginColumn)))
            {
                yield return new StatisticsError($"{at}.{unknown}", $"Bảng «{field.Label}», dòng {i + 1}: không có cột «{unknown}».");
            }

            if (field.Columns.All(c => string.IsNullOrWhiteSpace(row.GetValueOrDefault(c.Id))))
            {
                yield return new StatisticsError(at, $"Bảng «{field.Label}», dòng {i + 1}: dòng trống.");
                continue;
            }

            foreach (var column in field.Columns)
            {
                if (TableCell.Problem(column, row.GetValueOrDefault(column.Id)) is { } problem)
                {
                    yield return new StatisticsError($"{at}.{column.Id}", $"Bảng «{field.Label}», dòng {i + 1}, cột «{column.Label}»: {problem}");
                }
            }
        }
    }

    /// <remarks>
    /// A relay's rolled-up table holds its units' rows together: a form's row limit is per unit ("one row per year"), so
    /// the roll-up is bounded only by <see cref="MaxTableRows"/> (and the report's size).
    /// </remarks>
    private static string? Check(FormField field, FieldValue value, bool rolledUp) => field.Type switch
    {
        // Two kinds at once would be read one way here and another by whoever reads the stored value.
        _ when value.KindCount() > 1 => "chỉ ghi một loại giá trị (number, flag, text hoặc rows), không ghi nhiều loại cùng lúc.",
        FieldType.Table when value.Rows is null => "phải là bảng (rows).",
        FieldType.Table when value.Rows.Count < (field.MinRows ?? 0) => $"phải có ít nhất {field.MinRows} dòng.",
        FieldType.Table when value.Rows.Count > (rolledUp ? MaxTableRows : field.MaxRows ?? MaxTableRows) => $"có tối đa {(rolledUp ? MaxTableRows : field.MaxRows ?? MaxTableRows):N0} dòng.",
        FieldType.Integer when value.Number is not { } n => "phải là số nguyên.",
        FieldType.Integer when value.Number is { } n && !field.Accepts(n) => $"phải là số nguyên từ 0 đến {field.Maximum:N0}.",
        FieldType.Decimal when value.Number is not { } => "phải là số.",
        FieldType.Decimal when value.Number is { } n && !field.Accepts(n) => $"phải là số từ 0 đến {field.Maximum:N0}.",
        FieldType.Percent when value.Number is not { } p || !field.Accepts(p) => "phải là tỷ lệ từ 0 đến 100.",
        FieldType.Boolean when value.Flag is null => "phải là có hoặc không.",
        FieldType.Text when string.IsNullOrWhiteSpace(value.Text) => "không được để trống.",
        _ => null,
    };
}
