using Workflow.Domain.Levels;
using Workflow.Domain.Validation;

namespace Workflow.Benchmarks;

/// <summary>
/// Row 4's plan: a ministry's plan whose top-level units are provinces, each with its communes, each with its base units
/// (the counts spread as evenly as they go), and the requests with which each province and each commune issues its own
/// plan. Deadlines nest (commune before province before ministry), and each level's single reminder falls before any
/// level's deadline, in the order commune, province, ministry, so the three waves are the only work of the advances.
/// </summary>
internal static class NationalPlan
{
    public const string Report = "bao-cao";

    /// <summary>The levels, top first: the ministry's cycle, the provinces' sub-cycles, the communes' sub-sub-cycles.</summary>
    public static readonly string[] Levels = ["bộ", "tỉnh", "xã"];

    /// <summary>The stepped rehearsal stands here until the first advance: the morning after the ministry's plan is issued.</summary>
    public static readonly DateTimeOffset StartsAt = new(2024, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    private static readonly Deadline Ministry = Deadline.Before(new DateOnly(2024, 4, 15));
    private static readonly Deadline Province = Deadline.Before(new DateOnly(2024, 4, 13));
    private static readonly Deadline Commune = Deadline.Before(new DateOnly(2024, 4, 11));

    public static Plan Create(int provinces, int communes, int baseUnits)
    {
        var communeCounts = Spread(communes, provinces);
        var baseCounts = Spread(baseUnits, communes);
        var next = 0;
        var units = new List<Unit>(provinces);
        for (var p = 0; p < provinces; p++)
        {
            var provinceId = $"p{p + 1:D2}";
            var under = new List<Unit>(communeCounts[p]);
            for (var c = 0; c < communeCounts[p]; c++)
            {
                var communeId = $"{provinceId}x{c + 1:D3}";
                var count = baseCounts[next++];
                under.Add(new Unit
                {
                    Id = communeId,
                    Name = $"Xã số {c + 1} (tỉnh số {p + 1})",
                    Block = "xa",
                    Emails = [$"{communeId}@xa.bench.example"],
                    Units = [.. Enumerable.Range(1, count).Select(b => new Unit
                    {
                        Id = $"{communeId}u{b:D2}",
                        Name = $"Đơn vị cơ sở số {b}, xã số {c + 1} (tỉnh số {p + 1})",
                        Block = "co-so",
                        Emails = [$"{communeId}u{b:D2}@coso.bench.example"],
                    })],
                });
            }

            units.Add(new Unit { Id = provinceId, Name = $"Tỉnh số {p + 1}", Block = "tinh", Emails = [$"{provinceId}@tinh.bench.example"], Units = under });
        }

        var plan = new Plan
        {
            Id = "bench-national",
            Number = "01/KH-BCĐ-QG",
            IssuedOn = new DateOnly(2024, 3, 1),
            Issuer = "Ban Chỉ đạo cấp bộ (đo hiệu năng)",
            Title = $"Kế hoạch diễn tập toàn quốc: {provinces} tỉnh, {communes:N0} xã, {baseUnits:N0} đơn vị cơ sở",
            Kind = CycleKind.FinalReview,
            DataPeriod = new DatePeriod(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)),
            ClosesOn = new DateOnly(2024, 4, 15),
            Blocks = [new Block("tinh", "Tỉnh, thành phố"), new Block("xa", "Xã, phường"), new Block("co-so", "Đơn vị cơ sở")],
            Units = units,
            Deliverables =
            [
                new Deliverable
                {
                    Id = Report,
                    Kind = DeliverableKind.Report,
                    Title = "Báo cáo tổng kết",
                    AppliesTo = new UnitScope { Blocks = ["tinh"] },
                    Deadline = Ministry,
                },
            ],
            Reminders = Reminders(5),
        };
        var errors = PlanValidator.Validate(plan);
        return errors.Count == 0 ? plan : throw new InvalidOperationException($"The generated plan is invalid: {string.Join("; ", errors)}");
    }

    /// <summary>What each province's operator sends: its communes' deadline and reminder.</summary>
    public static RelayPlanRequest ProvinceRequest { get; } = new() { Deadlines = new Dictionary<string, Deadline> { [Report] = Province }, Reminders = Reminders(4) };

    /// <summary>What each commune's operator sends: its base units' deadline and reminder.</summary>
    public static RelayPlanRequest CommuneRequest { get; } = new() { Deadlines = new Dictionary<string, Deadline> { [Report] = Commune }, Reminders = Reminders(3) };

    /// <summary>
    /// Each level's reminder instant, top first, from the plans as the product derives them (one province and one of its
    /// communes); throws unless they come commune, province, ministry, all before the first deadline.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> ReminderInstants(Plan ministry)
    {
        var province = PlanDerivation.Derive(ministry, "m", [], ministry.Units[0].Id, ProvinceRequest, ministry.IssuedOn).Plan
            ?? throw new InvalidOperationException("The province's plan does not derive.");
        var commune = PlanDerivation.Derive(province, "m.p", [ministry.Units[0].Id], province.Units[0].Id, CommuneRequest, ministry.IssuedOn).Plan
            ?? throw new InvalidOperationException("The commune's plan does not derive.");
        var plans = new[] { ministry, province, commune };
        var reminders = plans.Select(p => CycleSchedule.Steps(p, []).Single(s => s.Points.Any(x => x.Point.Kind == ScheduledPointKind.Reminder)).Instant).ToList();
        var firstDeadline = CycleSchedule.Steps(commune, []).First(s => s.Points.Any(x => x.Point.Kind == ScheduledPointKind.Deadline)).Instant;
        return reminders[2] < reminders[1] && reminders[1] < reminders[0] && reminders[0] < firstDeadline && StartsAt < reminders[2]
            ? reminders
            : throw new InvalidOperationException($"The reminders ({string.Join(", ", reminders)}) are not commune, province, ministry before {firstDeadline}.");
    }

    private static ReminderPolicy Reminders(int daysBefore) => new() { DaysBefore = [daysBefore], Chase = new ChasePolicy { MaxCount = 0 } };

    /// <summary><paramref name="total"/> spread over <paramref name="parts"/>, the first ones taking one more.</summary>
    private static int[] Spread(int total, int parts) =>
        [.. Enumerable.Range(0, parts).Select(i => (total / parts) + (i < total % parts ? 1 : 0))];
}
