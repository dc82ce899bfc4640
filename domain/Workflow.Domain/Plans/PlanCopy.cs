using System.Text.RegularExpressions;

namespace Workflow.Domain.Plans;

/// <summary>
/// A past cycle's plan as next cycle's draft: the same units, forms, rounds, quotas and criteria under a new id, every
/// date moved by <c>years</c> whole years and then <c>days</c> days. Moved: the issue day, the data period, the closing
/// day, programme periods, and the deadlines of deliverables, rounds and milestones; a <c>before</c>/<c>by</c> deadline
/// moves its day, a <c>within-month</c> deadline becomes the month its last day moves into. Reminders are relative to
/// deadlines, so they stay. Criteria years (a yearly-level rule's fromYear/toYear) move by the whole years only, and only
/// when <c>days</c> is 0: "the five years before the campaign" stays five calendar years, and a day offset says nothing
/// about which years count. Free text (number, title, descriptions) is left as written for the operator to review, and
/// the copy is a plan of its own (no <see cref="Plan.Origin"/>). A 29 February moved by whole years lands on the 28th.
/// </summary>
public static partial class PlanCopy
{
    /// <summary>A copy a century away is a typo, not a campaign.</summary>
    public const int MaxYears = 100;

    /// <summary>Ten years of days: beyond this an offset is given in years.</summary>
    public const int MaxDays = 3660;

    public static PlanCopyResult Shift(Plan plan, string newId, int years = 0, int days = 0)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<PlanError>();
        if (newId is null || !SafeId().IsMatch(newId))
        {
            errors.Add(new PlanError("newId", $"Mã kế hoạch mới «{Clip(newId)}» không hợp lệ: 1–100 ký tự gồm chữ không dấu, số, '.', '_' hoặc '-'."));
        }
        else if (newId == plan.Id)
        {
            errors.Add(new PlanError("newId", $"Mã kế hoạch mới phải khác mã kế hoạch cũ «{plan.Id}»."));
        }

        if (years is < -MaxYears or > MaxYears)
        {
            errors.Add(new PlanError("years", $"Số năm dời ({years}) phải từ -{MaxYears} đến {MaxYears}."));
        }

        if (days is < -MaxDays or > MaxDays)
        {
            errors.Add(new PlanError("days", $"Số ngày dời ({days}) phải từ -{MaxDays} đến {MaxDays}."));
        }

        if (errors.Count > 0)
        {
            return new PlanCopyResult(null, errors);
        }

        var shift = new Shifter(years, days);
        Plan copy;
        try
        {
            copy = shift.Apply(plan) with { Id = newId! };
        }
        catch (ArgumentOutOfRangeException)
        {
            // Only a date pushed off the calendar (before year 1 or after 9999) gets here: the offset is what is wrong.
            return new PlanCopyResult(null, [new PlanError(days != 0 && years == 0 ? "days" : "years", "Dời như vậy thì có ngày ra ngoài lịch; chọn khoảng dời nhỏ hơn.")]);
        }

        var invalid = PlanValidator.Validate(copy);
        return invalid.Count > 0 ? new PlanCopyResult(null, invalid) : new PlanCopyResult(copy, []);
    }

    private sealed class Shifter(int years, int days)
    {
        public Plan Apply(Plan plan) => plan with
        {
            IssuedOn = Day(plan.IssuedOn),
            DataPeriod = Period(plan.DataPeriod),
            ClosesOn = Day(plan.ClosesOn),
            Deliverables = [.. plan.Deliverables.Select(Deliverable)],
            NominationRounds = [.. plan.NominationRounds.Select(Round)],
            Milestones = [.. plan.Milestones.Select(m => m with { Deadline = Deadline(m.Deadline) })],
            Periods = [.. plan.Periods.Select(p => p with { OpensOn = Day(p.OpensOn), DataPeriod = Period(p.DataPeriod), Deliverables = [.. p.Deliverables.Select(Deliverable)] })],
            Origin = null,
        };

        private DateOnly Day(DateOnly day) => day.AddYears(years).AddDays(days);

        private DatePeriod Period(DatePeriod period) => new(Day(period.From), Day(period.To));

        private Deliverable Deliverable(Deliverable deliverable) => deliverable with { Deadline = Deadline(deliverable.Deadline) };

        private Deadline Deadline(Deadline deadline) => deadline.Semantics switch
        {
            DeadlineSemantics.WithinMonth when deadline.LastDay is { } last && Day(last) is var moved => Plans.Deadline.WithinMonth(moved.Year, moved.Month),
            _ when deadline.Date is { } day => deadline with { Date = Day(day) },
            // A malformed deadline stays as it is; validation names it.
            _ => deadline,
        };

        private NominationRound Round(NominationRound round) => round with
        {
            Deadline = round.Deadline is { } deadline ? Deadline(deadline) : null,
            Eligibility = days != 0 || years == 0 ? round.Eligibility : [.. round.Eligibility.Select(p => p with { Rules = [.. p.Rules.Select(Rule)] })],
        };

        private EligibilityRule Rule(EligibilityRule rule) => rule switch
        {
            YearlyLevelRule yearly => yearly with { FromYear = yearly.FromYear + years, ToYear = yearly.ToYear + years },
            AnyOfRule any => any with { Alternatives = [.. any.Alternatives.Select(Rule)] },
            _ => rule,
        };
    }

    private static string Clip(string? text) => text is null ? "" : text.Length > 60 ? string.Concat(text.AsSpan(0, 60), "…") : text;

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex SafeId();
}
