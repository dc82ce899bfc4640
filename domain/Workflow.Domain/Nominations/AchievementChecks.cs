using System.Text.RegularExpressions;

namespace Workflow.Domain.Nominations;

/// <summary>
/// What a unit may say about a nominee's achievement records and identity, checked before anything is stored. Each
/// problem names its field (<c>nomination.achievements[2].year</c>) the way the API and the unit page show it.
/// </summary>
public static partial class AchievementChecks
{
    public const int MaxRecords = 60;
    public const int MaxTextChars = 300;
    public const int FirstYear = 1945;

    public static IReadOnlyList<PlanError> Check(Plan plan, Nomination nomination, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(nomination);
        var problems = new List<PlanError>();
        if (nomination.PersonalId is { } personalId && !NomineeIdentity.IsPersonalId(personalId))
        {
            problems.Add(new("nomination.personalId", "Số định danh cá nhân gồm đúng 12 chữ số."));
        }

        if (nomination.PersonalId is not null && nomination.Kind == NomineeKind.Collective)
        {
            problems.Add(new("nomination.personalId", "Tập thể không có số định danh cá nhân."));
        }

        if (nomination.Position is { Length: > MaxTextChars })
        {
            problems.Add(new("nomination.position", $"Chức vụ dài quá {MaxTextChars} ký tự."));
        }

        var records = nomination.Achievements ?? [];
        if (records.Count > MaxRecords)
        {
            problems.Add(new("nomination.achievements", $"Có {records.Count} thành tích; mỗi hồ sơ kê khai tối đa {MaxRecords}."));
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var field = $"nomination.achievements[{i}]";
            if (records[i] is not { } record)
            {
                problems.Add(new(field, "Thành tích không được để trống (null)."));
                continue;
            }

            if (record.Id is null || !SafeId().IsMatch(record.Id))
            {
                problems.Add(new($"{field}.id", "Thiếu hoặc sai mã thành tích: chỉ dùng chữ không dấu, số, '_' hoặc '-', tối đa 40 ký tự."));
            }
            else if (!seen.Add(record.Id))
            {
                problems.Add(new($"{field}.id", $"Mã thành tích «{record.Id}» bị trùng."));
            }

            if (record.Year < FirstYear || record.Year > today.Year)
            {
                problems.Add(new($"{field}.year", $"Năm {record.Year} không hợp lệ: từ {FirstYear} đến {today.Year}."));
            }

            if (string.IsNullOrWhiteSpace(record.Title))
            {
                problems.Add(new($"{field}.title", "Thiếu tên danh hiệu, hình thức khen thưởng."));
            }

            foreach (var (name, value, label) in new[] { ("title", record.Title, "Tên danh hiệu"), ("decisionNumber", record.DecisionNumber, "Số quyết định"), ("issuer", record.Issuer, "Cấp ra quyết định") })
            {
                if (value is { Length: > MaxTextChars })
                {
                    problems.Add(new($"{field}.{name}", $"{label} dài quá {MaxTextChars} ký tự."));
                }
            }

            if (record.Level is not null && record.Scale is null)
            {
                problems.Add(new($"{field}.scale", "Có mức đạt nhưng thiếu thang danh hiệu."));
            }

            if (record.Scale is { } scaleId)
            {
                var scale = plan.Scales.FirstOrDefault(s => s.Id == scaleId);
                if (scale is null)
                {
                    problems.Add(new($"{field}.scale", $"Thang «{scaleId}» không có trong kế hoạch; chọn một trong: {string.Join(", ", plan.Scales.Select(s => s.Id))}."));
                }
                else if (record.Level is null || scale.Rank(record.Level) < 0)
                {
                    problems.Add(new($"{field}.level", $"Mức «{record.Level}» không có trong thang «{scale.Name}»; chọn một trong: {string.Join(", ", scale.Levels.Select(l => l.Id))}."));
                }
            }

            if (record.DecisionDate is { } date && (date > today || date.Year < record.Year))
            {
                problems.Add(new($"{field}.decisionDate", $"Ngày quyết định {date:dd/MM/yyyy} không hợp lệ: không sau ngày nộp và không trước năm {record.Year}."));
            }
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex SafeId();
}
