using Workflow.Domain.Plans;

namespace Workflow.Demo;

/// <summary>
/// What the simulated units do in the Bắc Giang cycle: most report early, some after the first reminders, one on
/// the last evening, some late, some never; one resubmits; three districts propose awards in time and one too late.
/// </summary>
internal static class DemoScenario
{
    public const string Report = "bao-cao-tong-ket";
    public const string DistrictSummary = "tong-ket-cap-huyen";
    public const string Round = "giay-khen-giam-doc";
    public const string ProvinceLevel = "bang-khen-chu-tich-tinh";

    /// <summary>The rehearsal starts standing at 08:00 on the plan's issue day, 11/03/2024.</summary>
    public static readonly DateTimeOffset Start = Vn(3, 11, 8);

    private static DateTimeOffset Vn(int month, int day, int hour) => new(2024, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    public static IReadOnlyList<SimulatedAction> For(Plan plan)
    {
        var actions = new List<SimulatedAction>();
        var reporting = plan.Deliverables.Single(d => d.Id == Report).AppliesTo.Select(plan.Units).ToList();
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
        actions.AddRange(districts.Take(districts.Count - 2).Select(d => new SimulatedAction(Vn(5, 20, 9), d.Id, DistrictSummary, "báo cáo tổng kết cấp huyện")));
        actions.AddRange(districts.Take(3).Select(d => new SimulatedAction(Vn(3, 25, 10), d.Id, Round, "đề nghị khen thưởng", Nomination: true)));
        actions.Add(new SimulatedAction(Vn(4, 1, 8), districts[3].Id, Round, "đề nghị khen thưởng sau hạn", Nomination: true));
        return [.. actions.OrderBy(a => a.At)];
    }
}
