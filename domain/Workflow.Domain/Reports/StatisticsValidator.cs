namespace Workflow.Domain.Reports;

/// <summary>
/// Checks a unit's statistics against the deliverable's forms: every field present, of its type, inside its declared
/// range (<see cref="FormField.Accepts"/>), of one kind only, and no null where a value is required.
/// </summary>
public static class StatisticsValidator
{
    public static IReadOnlyList<StatisticsError> Validate(Deliverable deliverable, ReportStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        ArgumentNullException.ThrowIfNull(statistics);
        var errors = new List<StatisticsError>();
        if (statistics.Forms is null)
        {
            return [new StatisticsError("forms", "Thiếu số liệu các biểu mẫu (forms).")];
        }

        var forms = deliverable.Forms.ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var formId in statistics.Forms.Keys.Where(id => !forms.ContainsKey(id)))
        {
            errors.Add(new StatisticsError($"forms.{formId}", $"Biểu mẫu «{formId}» không có trong «{deliverable.Title}»."));
        }

        foreach (var form in deliverable.Forms)
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

                if (Check(field, value) is { } problem)
                {
                    errors.Add(new StatisticsError(path, $"Chỉ tiêu «{field.Label}»: {problem}"));
                }
            }
        }

        return errors;
    }

    private static string? Check(FormField field, FieldValue value) => field.Type switch
    {
        // Two kinds at once would be read one way here and another by whoever reads the stored value.
        _ when value.KindCount() > 1 => "chỉ ghi một loại giá trị (number, flag hoặc text), không ghi nhiều loại cùng lúc.",
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
