namespace Workflow.Domain.Reports;

/// <summary>
/// The filled files a unit returns with a report: one per file-only form in its scope (<see cref="StatisticalForm.IsFileOnly"/>).
/// Each travels in its own part, named <see cref="PartName"/>, so a refusal names the part the unit has to fix.
/// </summary>
public static class FormFiles
{
    /// <summary>The prefix of a form's part in a report upload: "form:bieu-mau-3".</summary>
    public const string PartPrefix = "form:";

    public static string PartName(string formId) => PartPrefix + formId;

    /// <summary>The file-only forms the unit returns a file for; every file-only form of the deliverable when the unit is unknown.</summary>
    public static IEnumerable<StatisticalForm> Required(Deliverable deliverable, Unit? unit)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        return deliverable.FormsFor(unit).Where(f => f.IsFileOnly);
    }

    /// <summary>
    /// What is wrong with the forms a unit sent files for: a file for a form that is not file-only, not the unit's, not
    /// in the deliverable, or sent twice; and every required form without a file. Each error names the form's part.
    /// </summary>
    public static IReadOnlyList<StatisticsError> Check(Deliverable deliverable, Unit? unit, IReadOnlyList<string> formIds)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        ArgumentNullException.ThrowIfNull(formIds);
        var errors = new List<StatisticsError>();
        var required = Required(deliverable, unit).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var formId in formIds)
        {
            var part = PartName(formId);
            var form = deliverable.Forms.FirstOrDefault(f => f.Id == formId);
            if (!seen.Add(formId))
            {
                errors.Add(new StatisticsError(part, $"Biểu mẫu «{form?.Title ?? formId}» chỉ gửi một tệp."));
            }
            else if (form is null)
            {
                errors.Add(new StatisticsError(part, $"Biểu mẫu «{formId}» không có trong «{deliverable.Title}»."));
            }
            else if (!form.IsFileOnly)
            {
                errors.Add(new StatisticsError(part, $"Biểu mẫu «{form.Title}» nhập số liệu (statistics), không nộp bằng tệp."));
            }
            else if (required.All(f => f.Id != formId))
            {
                errors.Add(new StatisticsError(part, $"Biểu mẫu «{form.Title}» không áp dụng cho đơn vị này."));
            }
        }

        foreach (var form in required.Where(f => !seen.Contains(f.Id)))
        {
            errors.Add(new StatisticsError(PartName(form.Id), $"Thiếu tệp biểu mẫu «{form.Title}»: điền tệp mẫu của biểu mẫu rồi gửi trong phần «{PartName(form.Id)}»."));
        }

        return errors;
    }
}
