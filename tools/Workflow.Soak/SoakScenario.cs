using Workflow.Domain.Plans;

namespace Workflow.Soak;

/// <summary>
/// The Bắc Giang script both runs play, from 08:00 on 11/03/2024. Of the 43 units that owe the annual report, 30 report
/// early in the concurrent burst of 12/04, 5 after the first reminder, one on the last evening, 4 late and 3 never;
/// the first resubmits. Eight districts hand in their May summary in the burst, two never. Three districts propose
/// awards in time and one after the deadline (refused). After the report deadline ten early units send a corrected
/// report again (taken as late, not counted): in the faulted run this happens while storage is down.
/// </summary>
internal sealed class SoakScenario
{
    public const string Report = "bao-cao-tong-ket";
    public const string DistrictSummary = "tong-ket-cap-huyen";
    public const string Round = "giay-khen-giam-doc";
    public const string ProvinceLevel = "bang-khen-chu-tich-tinh";

    /// <summary>The hostile phase of deadline extensions (an operator route), after every follow-up of the cycle.</summary>
    public const string Extensions = "extensions";

    public static readonly DateTimeOffset Start = Vn(3, 11, 8);

    /// <summary>The 3rd chase of the report, with its escalation: the wave during which storage goes down.</summary>
    public static readonly DateTimeOffset OutageWave = Vn(5, 5, 8);

    /// <summary>The moment whose uploads a SIGKILL interrupts.</summary>
    public static readonly DateTimeOffset KilledUploads = Vn(4, 27, 14);

    /// <summary>Reminder and chase waves with units still owing, each interrupted by a SIGKILL in the faulted run.</summary>
    public static readonly IReadOnlyList<DateTimeOffset> KilledWaves = [Vn(4, 24, 8), Vn(4, 28, 8), Vn(4, 30, 8), Vn(5, 1, 8), Vn(5, 3, 8)];

    private SoakScenario(IReadOnlyList<ScriptedAction> actions, IReadOnlyList<UploadKey> burst, IReadOnlyList<UploadKey> resenders)
    {
        Actions = actions;
        BurstKeys = burst;
        LateResenders = resenders;
    }

    public IReadOnlyList<ScriptedAction> Actions { get; }

    /// <summary>What the concurrent uploaders hand in; every upload of one key carries the same values.</summary>
    public IReadOnlyList<UploadKey> BurstKeys { get; }

    /// <summary>Early units sending their report again after the deadline, during <see cref="OutageWave"/>.</summary>
    public IReadOnlyList<UploadKey> LateResenders { get; }

    public static DateTimeOffset Vn(int month, int day, int hour, int minute = 0) => new(2024, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public static SoakScenario For(Plan plan)
    {
        var reporting = plan.Deliverables.Single(d => d.Id == Report).AppliesTo.Select(plan.Units).Select(u => u.Id).ToList();
        var districts = plan.Deliverables.Single(d => d.Id == DistrictSummary).AppliesTo.Select(plan.Units).Select(u => u.Id).ToList();
        var burst = reporting.Take(30).Select((u, i) => new UploadKey(u, Report, i + 1))
            .Concat(districts.Take(8).Select((u, i) => new UploadKey(u, DistrictSummary, 200 + i))).ToList();
        var actions = new List<ScriptedAction>
        {
            new(Vn(4, 12, 9), ActionKind.Burst, Note: "50 đơn vị nộp đồng thời"),
            new(Vn(4, 20, 10), ActionKind.Report, reporting[0], Report, 100, "nộp lại bản sửa đổi"),
        };
        for (var i = 30; i < reporting.Count; i++)
        {
            var (at, note) = i switch
            {
                < 35 => (KilledUploads, "nộp sau khi được nhắc"),
                35 => (Vn(4, 30, 21), "nộp tối ngày cuối"),
                < 40 => (Vn(5, 3, 10), "nộp muộn"),
                _ => (DateTimeOffset.MaxValue, "không nộp"),
            };
            if (at != DateTimeOffset.MaxValue)
            {
                actions.Add(new ScriptedAction(at, ActionKind.Report, reporting[i], Report, i + 1, note));
            }
        }

        actions.AddRange(districts.Take(3).Select(d => new ScriptedAction(Vn(3, 20, 10), ActionKind.Nomination, d, Round, Note: "đề nghị khen thưởng")));
        actions.Add(new ScriptedAction(Vn(4, 1, 8), ActionKind.Nomination, districts[3], Round, Note: "đề nghị sau hạn"));

        // Hostile input comes right after the legitimate uploads of the same moment (the sort keeps this order), while
        // the round is open and once the burst units have reported, so a refused request changes nothing.
        actions.Add(new ScriptedAction(Vn(3, 20, 10), ActionKind.Hostile, Subject: Round));
        actions.Add(new ScriptedAction(Vn(4, 12, 9), ActionKind.Hostile, Subject: Report));
        actions.Add(new ScriptedAction(Vn(7, 15, 9), ActionKind.Hostile, Subject: Extensions));
        return new SoakScenario([.. actions.OrderBy(a => a.At)], burst, [.. burst.Where(k => k.Subject == Report).Take(10).Select(k => k with { Seed = k.Seed + 1000 })]);
    }
}
