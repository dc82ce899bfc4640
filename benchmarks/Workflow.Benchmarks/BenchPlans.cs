using Workflow.Domain.Validation;

namespace Workflow.Benchmarks;

/// <summary>
/// Generated plans: N units in one block, one report each, a deadline of "trước ngày 15/04/2024" and a reminder
/// policy of a handful of points. Built from the domain's records and refused unless <see cref="PlanValidator"/>
/// accepts it, as the API would.
/// </summary>
internal static class BenchPlans
{
    public const string Report = "bao-cao";

    private static readonly DateOnly DeadlineDay = new(2024, 4, 15);

    /// <summary>Row 1: two reminders (2 and 1 days before), the deadline, two chases a day apart.</summary>
    public static Plan Comparison(int units) => Create(units, "bench-compare", [2, 1], chases: 2, closesOn: DeadlineDay.AddDays(1));

    /// <summary>Row 2: one reminder the day before, the deadline, one chase; small, so the run takes minutes.</summary>
    public static Plan Large(int units) => Create(units, "bench-large", [1], chases: 1, closesOn: DeadlineDay);

    public static Plan Create(int units, string id, IReadOnlyList<int> daysBefore, int chases, DateOnly closesOn)
    {
        var plan = new Plan
        {
            Id = id,
            Number = "01/KH-BM",
            IssuedOn = new DateOnly(2024, 3, 1),
            Issuer = "Ban Chỉ đạo (đo hiệu năng)",
            Title = $"Kế hoạch đo hiệu năng với {units:N0} đơn vị",
            Kind = CycleKind.FinalReview,
            DataPeriod = new DatePeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)),
            ClosesOn = closesOn,
            Blocks = [new Block("don-vi", "Đơn vị")],
            Units = [.. Enumerable.Range(1, units).Select(i => new Unit
            {
                Id = $"dv-{i:D6}",
                Name = $"Đơn vị số {i}",
                Block = "don-vi",
                Emails = [$"dv-{i:D6}@donvi.bench.example"],
            })],
            Deliverables =
            [
                new Deliverable
                {
                    Id = Report,
                    Kind = DeliverableKind.Report,
                    Title = "Báo cáo tổng kết",
                    AppliesTo = new UnitScope { Blocks = ["don-vi"] },
                    Deadline = Deadline.Before(DeadlineDay),
                },
            ],
            Reminders = new ReminderPolicy { DaysBefore = daysBefore, Chase = new ChasePolicy { EveryDays = 1, MaxCount = chases } },
        };
        var errors = PlanValidator.Validate(plan);
        return errors.Count == 0 ? plan : throw new InvalidOperationException($"The generated plan is invalid: {string.Join("; ", errors)}");
    }

    /// <summary>
    /// A sliding rehearsal clock on which the plan's first schedule instant falls <paramref name="lead"/> after now, and one
    /// business day lasts <paramref name="wallPerDay"/> of wall time.
    /// </summary>
    public static BusinessClock Clock(Plan plan, TimeSpan lead, TimeSpan wallPerDay, DateTimeOffset now)
    {
        var first = CycleSchedule.Steps(plan, []).First().Instant;
        var speed = Math.Round(TimeSpan.FromDays(1) / wallPerDay);
        return new BusinessClock(now, first - lead * speed, speed);
    }
}
