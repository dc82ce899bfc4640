using Workflow.Domain.Plans;

namespace Workflow.Demo;

/// <summary>
/// What the simulated units do in the Bắc Giang cycle: most report early, some after the first reminders, one on
/// the last evening, some late, some never; one resubmits; three districts propose awards in time and one too late.
/// Yên Thế and Tân Yên issue their own plans to their base units the day the cycle starts; most of those report on
/// time, some after reminders, a few late, a few never; each district then submits to the province its district
/// summary pre-filled from its sub-cycle, Yên Thế correcting one figure with its reason. Their report
/// bao-cao-tong-ket goes up the same way, its tables holding every base unit's rows with the unit each came from.
/// </summary>
internal static class DemoScenario
{
    public const string Report = "bao-cao-tong-ket";
    public const string DistrictSummary = "tong-ket-cap-huyen";
    public const string Round = "giay-khen-giam-doc";
    public const string ProvinceLevel = "bang-khen-chu-tich-tinh";

    /// <summary>The districts that issue their own plans to the units under them (relays), in the order they issue.</summary>
    public static readonly IReadOnlyList<string> Relays = ["bcd-yen-the", "bcd-tan-yen"];

    /// <summary>The district that corrects a figure of its pre-filled report, and why.</summary>
    public const string Corrector = "bcd-yen-the";

    public const string CorrectionReason = "Bổ sung 02 xã đã tổ chức hội nghị tổng kết nhưng chưa nộp báo cáo trên hệ thống";

    /// <summary>
    /// The districts' deadlines to their units, each about a week before theirs to the province: the report before
    /// 01/05 (theirs to the province), the district summary within May, and award proposals before 01/04.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RelayDeadlines = new Dictionary<string, string>
    {
        [Report] = "2024-04-24",
        [DistrictSummary] = "2024-05-24",
        [Round] = "2024-03-25",
    };

    /// <summary>The rehearsal starts standing at 08:00 on the plan's issue day, 11/03/2024.</summary>
    public static readonly DateTimeOffset Start = Vn(3, 11, 8);

    private static DateTimeOffset Vn(int month, int day, int hour) => new(2024, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    public static IReadOnlyList<SimulatedAction> For(Plan plan)
    {
        var actions = new List<SimulatedAction>();
        // The relays roll their report up from their sub-cycles instead (below).
        var reporting = plan.Deliverables.Single(d => d.Id == Report).AppliesTo.Select(plan.Units).Where(u => !Relays.Contains(u.Id)).ToList();
        for (var i = 0; i < reporting.Count; i++)
        {
            var (at, what) = i switch
            {
                < 20 => (Vn(4, 12, 9), "nộp sớm"),
                < 28 => (Vn(4, 27, 14), "nộp sau khi được nhắc"),
                28 => (Vn(4, 30, 21), "nộp tối ngày cuối"),
                < 35 => (Vn(5, 3, 10), "nộp muộn, sau khi bị đôn đốc"),
                _ => (DateTimeOffset.MaxValue, "không nộp"),
            };
            if (at != DateTimeOffset.MaxValue)
            {
                actions.Add(new SimulatedAction(at, reporting[i].Id, Report, what));
            }
        }

        actions.Add(new SimulatedAction(Vn(4, 20, 10), reporting[0].Id, Report, "nộp lại bản sửa đổi", Version: 2));
        var districts = plan.Deliverables.Single(d => d.Id == DistrictSummary).AppliesTo.Select(plan.Units).ToList();
        actions.AddRange(districts.Take(districts.Count - 2).Where(d => !Relays.Contains(d.Id)).Select(d => new SimulatedAction(Vn(5, 20, 9), d.Id, DistrictSummary, "báo cáo tổng kết cấp huyện")));
        foreach (var relay in Relays.Select(id => plan.Units.Single(u => u.Id == id)))
        {
            actions.AddRange(ForBase(relay));
            actions.Add(new SimulatedAction(Vn(4, 28, 9), relay.Id, Report, "gửi báo cáo tổng kết tổng hợp từ cơ sở", RollUp: true));
            actions.Add(new SimulatedAction(Vn(5, 27, 9), relay.Id, DistrictSummary, "gửi báo cáo tổng kết cấp huyện tổng hợp từ cơ sở", RollUp: true, Reason: relay.Id == Corrector ? CorrectionReason : null));
        }

        actions.AddRange(districts.Take(3).Select(d => new SimulatedAction(Vn(3, 25, 10), d.Id, Round, "đề nghị khen thưởng", Nomination: true)));
        actions.Add(new SimulatedAction(Vn(4, 1, 8), districts[3].Id, Round, "đề nghị khen thưởng sau hạn", Nomination: true));
        return [.. actions.OrderBy(a => a.At)];
    }

    /// <summary>
    /// The base units under a relay report both its report and its summary to it: most on time, three after the
    /// reminders, two late (the summary before the district rolls it up), three never.
    /// </summary>
    private static IEnumerable<SimulatedAction> ForBase(Unit relay)
    {
        var count = relay.Units.Count;
        for (var i = 0; i < count; i++)
        {
            var (at, what) = (count - i) switch
            {
                > 8 => (Vn(4, 15, 9), "nộp đúng hạn cho huyện"),
                > 5 => (Vn(4, 22, 14), "nộp cho huyện sau khi được nhắc"),
                > 3 => (Vn(4, 25, 10), "nộp muộn cho huyện"),
                _ => (DateTimeOffset.MaxValue, "không nộp"),
            };
            if (at == DateTimeOffset.MaxValue)
            {
                continue;
            }

            yield return new SimulatedAction(at, relay.Units[i].Id, Report, what);
            // The late ones are late with the summary too: after the district's deadline, before it rolls up.
            yield return new SimulatedAction(count - i > 5 ? at : Vn(5, 25, 10), relay.Units[i].Id, DistrictSummary, what);
        }
    }
}
