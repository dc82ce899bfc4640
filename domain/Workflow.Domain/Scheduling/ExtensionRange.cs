namespace Workflow.Domain.Scheduling;

/// <summary>
/// Where an operator may move a deadline: its last on-time day must fall within the plan, from the issue day to the
/// last day the cycle stays open. Before the issue day nobody could ever have been on time; after the close nothing is
/// accepted any more, so such a deadline could never be met either.
/// </summary>
public static class ExtensionRange
{
    /// <summary>Null when the deadline is sensible for the plan; otherwise why not, in Vietnamese.</summary>
    public static string? Problem(Plan plan, Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(deadline);
        if (!deadline.IsWellFormed)
        {
            return "Thời hạn mới không hợp lệ: cần semantics (before, by, within-month) và date (yyyy-MM-dd) hoặc month (yyyy-MM).";
        }

        // Compared by the first late day, which exists at both ends of the calendar; none means after 31/12/9999.
        var range = $"{VietnamTime.FormatDate(plan.IssuedOn)} – {VietnamTime.FormatDate(plan.ClosesOn)}";
        var first = deadline.FirstLateDay;
        return first is { } early && early <= plan.IssuedOn
            ? $"Thời hạn mới ({deadline.Describe()}) trước ngày ban hành kế hoạch; phải nằm trong thời gian của kế hoạch ({range})."
            : first is not { } late || late.DayNumber > plan.ClosesOn.DayNumber + 1
                ? $"Thời hạn mới ({deadline.Describe()}) sau ngày kết thúc kế hoạch; phải nằm trong thời gian của kế hoạch ({range})."
                : null;
    }
}
