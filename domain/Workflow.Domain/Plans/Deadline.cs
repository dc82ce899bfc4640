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

    /// <summary>
    /// The first calendar day on which a submission is late; null when the deadline is malformed or that day is off
    /// the calendar (the last day of 9999).
    /// </summary>
    [JsonIgnore]
    public DateOnly? FirstLateDay => Semantics switch
    {
        DeadlineSemantics.Before => Date,
        DeadlineSemantics.By when Date is { } day => VietnamTime.AddDays(day, 1),
        DeadlineSemantics.WithinMonth when TryParseMonth(Month, out var first) && (first.Year < DateOnly.MaxValue.Year || first.Month < 12) => first.AddMonths(1),
        _ => null,
    };

    /// <summary>
    /// True when the deadline names a day or month, even one whose first late day is off the calendar (then every
    /// instant is before it).
    /// </summary>
    [JsonIgnore]
    public bool IsWellFormed => Semantics switch
    {
        DeadlineSemantics.Before or DeadlineSemantics.By => Date is not null,
        DeadlineSemantics.WithinMonth => TryParseMonth(Month, out _),
        _ => false,
    };

    /// <summary>The last calendar day on which a submission is on time.</summary>
    [JsonIgnore]
    public DateOnly? LastDay => FirstLateDay is { } first ? VietnamTime.AddDays(first, -1) : null;

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
        DeadlineSemantics.Before when Date is { } day => $"trước ngày {VietnamTime.FormatDate(day)}",
        DeadlineSemantics.By when Date is { } day => $"chậm nhất ngày {VietnamTime.FormatDate(day)}",
        DeadlineSemantics.WithinMonth when TryParseMonth(Month, out var first) => $"trong tháng {first:MM/yyyy}",
        _ => "(thời hạn không hợp lệ)",
    };
}
