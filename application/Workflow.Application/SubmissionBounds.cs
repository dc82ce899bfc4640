using System.Globalization;
using System.Text.Json;
using Workflow.Domain.Reports;

namespace Workflow.Application;

/// <summary>
/// Text lengths a submission may carry, checked before anything is stored: each bound keeps the rows the upload
/// writes under what Table Storage accepts (<see cref="StorageLimits"/>), so a long value is refused by name instead
/// of failing the write after the file is stored. Messages never quote the overlong value.
/// </summary>
public static class SubmissionBounds
{
    /// <summary>One text value of the statistics (a note on a form).</summary>
    public const int MaxStatisticsTextChars = 4_000;

    /// <summary>The name of a nominated collective or person.</summary>
    public const int MaxNomineeNameChars = 500;

    /// <summary>An identifier a unit sends (a unit, a profile, a document of the dossier).</summary>
    public const int MaxIdChars = 100;

    public static List<FieldProblem> Check(ReportStatistics statistics, string json)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<FieldProblem>();
        foreach (var (formId, fields) in statistics.Forms)
        {
            if (formId.Length > MaxIdChars)
            {
                problems.Add(new FieldProblem("statistics.forms", TooLong("Mã biểu mẫu", formId.Length, MaxIdChars)));
                continue;
            }

            foreach (var (fieldId, value) in fields ?? new Dictionary<string, FieldValue>())
            {
                if (fieldId.Length > MaxIdChars)
                {
                    problems.Add(new FieldProblem($"statistics.forms.{formId}", TooLong("Mã chỉ tiêu", fieldId.Length, MaxIdChars)));
                }
                else if (value?.Text is { Length: > MaxStatisticsTextChars } text)
                {
                    problems.Add(new FieldProblem($"statistics.forms.{formId}.{fieldId}", TooLong("Nội dung chỉ tiêu", text.Length, MaxStatisticsTextChars)));
                }
            }
        }

        if (problems.Count == 0 && json.Length > StorageLimits.MaxTextColumnChars)
        {
            problems.Add(new FieldProblem("statistics", TooLong("Số liệu thống kê", json.Length, StorageLimits.MaxTextColumnChars)));
        }

        return problems;
    }

    /// <summary>The nominee's texts; the values that fail here are not checked further (their messages would quote them).</summary>
    public static List<FieldProblem> Check(Nomination nomination, IReadOnlyList<NominationFile> files)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<FieldProblem>();
        CheckText(problems, "nomination.name", "Tên tập thể, cá nhân được đề nghị", nomination.Name, MaxNomineeNameChars);
        CheckText(problems, "nomination.nomineeUnit", "Mã đơn vị", nomination.NomineeUnit, MaxIdChars);
        CheckText(problems, "nomination.profile", "Mã đối tượng xét", nomination.Profile, MaxIdChars);

        if (files.Count > StorageLimits.MaxFilesPerBatch)
        {
            problems.Add(new FieldProblem("files", $"Hồ sơ có {files.Count} tệp; mỗi lần gửi tối đa {StorageLimits.MaxFilesPerBatch} tệp."));
        }

        for (var i = 0; i < files.Count; i++)
        {
            CheckText(problems, $"files[{i}].documentId", "Mã thành phần hồ sơ", files[i].DocumentId, MaxIdChars);
        }

        var record = JsonSerializer.Serialize(nomination.Record);
        if (record.Length > StorageLimits.MaxTextColumnChars)
        {
            problems.Add(new FieldProblem("nomination.record", TooLong("Thành tích kê khai", record.Length, StorageLimits.MaxTextColumnChars)));
        }

        CheckText(problems, "nomination.position", "Chức vụ", nomination.Position ?? "", MaxNomineeNameChars);
        for (var i = 0; i < (nomination.Achievements?.Count ?? 0); i++)
        {
            if (nomination.Achievements![i] is { } achievement)
            {
                CheckText(problems, $"nomination.achievements[{i}].title", "Tên danh hiệu", achievement.Title ?? "", MaxNomineeNameChars);
                CheckText(problems, $"nomination.achievements[{i}].issuer", "Cấp ra quyết định", achievement.Issuer ?? "", MaxNomineeNameChars);
                CheckText(problems, $"nomination.achievements[{i}].decisionNumber", "Số quyết định", achievement.DecisionNumber ?? "", MaxIdChars);
            }
        }

        var achievements = JsonSerializer.Serialize(nomination.Achievements);
        if (achievements.Length > StorageLimits.MaxTextColumnChars)
        {
            problems.Add(new FieldProblem("nomination.achievements", TooLong("Quá trình thành tích", achievements.Length, StorageLimits.MaxTextColumnChars)));
        }

        return problems;
    }

    /// <summary>
    /// Too long, or holding control characters: a name that would print as a terminal escape or vanish in the
    /// workbook is refused, not stored. Neither message quotes the value.
    /// </summary>
    private static void CheckText(List<FieldProblem> problems, string field, string what, string? value, int limit)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > limit)
        {
            problems.Add(new FieldProblem(field, TooLong(what, value.Length, limit)));
        }
        else if (value.Any(char.IsControl))
        {
            problems.Add(new FieldProblem(field, $"{what} chứa ký tự điều khiển (mã dưới U+0020 hoặc U+007F–U+009F); sửa rồi gửi lại."));
        }
    }

    private static string TooLong(string what, int length, int limit) =>
        $"{what} dài {Count(length)} ký tự, vượt quá giới hạn {Count(limit)} ký tự.";

    /// <summary>Thousands grouped with dots, as Vietnamese writes them.</summary>
    private static string Count(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
}
