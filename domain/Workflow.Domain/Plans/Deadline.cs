using System.Globalization;
using System.Text.Json.Serialization;

namespace Workflow.Domain.Plans;

/// <summary>
/// A deadline as the document words it. "Trước ngày D" (<see cref="DeadlineSemantics.Before"/>) ends at the start of D;
/// "hoàn thành ngày D" (<see cref="DeadlineSemantics.By"/>) includes D; "trong tháng M"
/// (<see cref="DeadlineSemantics.WithinMonth"/>) includes the whole month. Days are Vietnam calendar days.
/// </summary>
public sealed record Deadline
{
    public required DeadlineSemantics Semantics { get; init; }

    /// <summary>The day named by a <c>before</c> or <c>by</c> deadline.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The month ("yyyy-MM") named by a <c>within-month</c> deadline.</summary>
    public string? Month { get; init; }

    public static Deadline Before(DateOnly day) => new() { Semantics = DeadlineSemantics.Before, Date = day };

    public static Deadline By(DateOnly day) => new() { Semantics = DeadlineSemantics.By, Date = day };

    public static Deadline WithinMonth(int year, int month) =>
        new() { Semantics = DeadlineSemantics.WithinMonth, Month = $"{year:D4}-{month:D2}" };

    /// <summary>The first calendar day on which a submission is late; null when the deadline is malformed.</summary>
    [JsonIgnore]
    public DateOnly? FirstLateDay => Semantics switch
    {
        DeadlineSemantics.Before => Date,
        DeadlineSemantics.By => Date?.AddDays(1),
        DeadlineSemantics.WithinMonth when TryParseMonth(Month, out var first) => first.AddMonths(1),
        _ => null,
    };

    /// <summary>The last calendar day on which a submission is on time.</summary>
    [JsonIgnore]
    public DateOnly? LastDay => FirstLateDay?.AddDays(-1);

    public static bool TryParseMonth(string? month, out DateOnly firstDay)
    {
        firstDay = default;
        if (month is null || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        firstDay = day;
        return true;
    }

    /// <summary>The deadline as Vietnamese text, e.g. "trước ngày 01/05/2024".</summary>
    public string Describe() => Semantics switch
    {
        DeadlineSemantics.Before => $"trước ngày {VietnamTime.FormatDate(Date!.Value)}",
        DeadlineSemantics.By => $"chậm nhất ngày {VietnamTime.FormatDate(Date!.Value)}",
        _ => $"trong tháng {FirstLateDay!.Value.AddMonths(-1):MM/yyyy}",
    };
}
