using System.Text;
using Workflow.Application;
using Workflow.Domain.Nominations;
using Workflow.Domain.Plans;
using Workflow.Domain.Reports;
using Workflow.Domain.Scheduling;
using Workflow.Domain.Time;
using Workflow.Email;

namespace Workflow.Cycle.Tests;

/// <summary>
/// Who hands in what, when, in the Bắc Giang cycle, and what that implies: the reminder e-mails each unit must get
/// (every schedule point before its first accepted submission), the counted versions and the totals.
/// </summary>
internal sealed class Scenario
{
    private readonly string _cycleId;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private readonly List<Submission> _submissions = [];
    private readonly List<(string Subject, Unit Unit, Deadline Deadline, LatePolicy Policy)> _followUps = [];

    private Scenario(string cycleId) => _cycleId = cycleId;

    /// <summary>Each report unit and the submission that counts for it (null: never handed in).</summary>
    public IReadOnlyDictionary<string, Submission?> Reports { get; private set; } = new Dictionary<string, Submission?>();

    public int AcceptedFiles => _submissions.Where(s => s.Accepted).Sum(s => s.Nomination is null ? 1 : DocumentIds.Length + s.Nomination.Achievements.Count);

    private static readonly string[] DocumentIds = ["to-trinh", "bien-ban-hop-xet", "danh-sach-de-nghi", "tom-tat-thanh-tich", "bao-cao-thanh-tich", "ban-sao-khen-thuong"];

    private static DateTimeOffset Vn(int month, int day, int hour = 0, int minute = 0, int second = 0, int millisecond = 0) =>
        new(2024, month, day, hour, minute, second, millisecond, Vietnam);

    public static Scenario For(Plan plan, string cycleId)
    {
        var scenario = new Scenario(cycleId);
        foreach (var deliverable in plan.Deliverables)
        {
            scenario._followUps.AddRange(deliverable.AppliesTo.Select(plan.Units).Select(u => (deliverable.Id, u, deliverable.Deadline, deliverable.LatePolicy)));
        }

        foreach (var round in plan.NominationRounds.Where(r => r.PickedFrom is null))
        {
            scenario._followUps.AddRange(round.Proposers.Select(plan.Units).Select(u => (round.Id, u, round.Deadline!, round.LatePolicy)));
        }

        // The report: 43 units. 18 early, 10 after the first reminder, one on the last millisecond, 5 late, 9 never;
        // the first unit resubmits before the deadline and its second version counts.
        var units = plan.Deliverables.Single(d => d.Id == "bao-cao-tong-ket").AppliesTo.Select(plan.Units).Select(u => u.Id).ToList();
        int[] never = [8, 9, 36, 37, 38, 39, 40, 41, 42];
        var reports = new Dictionary<string, Submission?>();
        for (var i = 0; i < units.Count; i++)
        {
            Submission? counted = null;
            if (never.Contains(i))
            {
                reports[units[i]] = null;
                continue;
            }

            var (at, late) = i switch
            {
                >= 20 and <= 29 => (Vn(4, 25, 10), false),
                30 => (Vn(4, 30, 23, 59, 59, 999), false),
                >= 31 and <= 35 => (Vn(5, 2, 10), true),
                _ => (Vn(4, 15, 9), false),
            };
            counted = new Submission(at, units[i], "bao-cao-tong-ket", 1, late, true, (i * 10) + 1);
            scenario._submissions.Add(counted);
            if (i == 0)
            {
                counted = new Submission(Vn(4, 20, 14), units[i], "bao-cao-tong-ket", 2, false, true, (i * 10) + 2);
                scenario._submissions.Add(counted);
            }

            reports[units[i]] = counted;
        }

        scenario.Reports = reports;

        // The district summary, within May: 8 of 10 districts, two never.
        var districts = plan.Deliverables.Single(d => d.Id == "tong-ket-cap-huyen").AppliesTo.Select(plan.Units).Select(u => u.Id).ToList();
        for (var i = 0; i < 8; i++)
        {
            scenario._submissions.Add(new Submission(Vn(5, 20, 9), districts[i], "tong-ket-cap-huyen", 1, false, true, 500 + i));
        }

        // Nominations: one early, one on the last second (taken, then refused on eligibility), one at midnight (refused at the door).
        scenario._submissions.Add(new Submission(Vn(3, 20, 10), "bcd-yen-the", "giay-khen-giam-doc", 1, false, true, 0, PoliceCollective()));
        scenario._submissions.Add(new Submission(Vn(3, 31, 23, 59, 59), "bcd-tan-yen", "giay-khen-giam-doc", 1, false, true, 0, PoliceOfficerWithTwoYears()));
        scenario._submissions.Add(new Submission(Vn(4, 1), "bcd-luc-nam", "giay-khen-giam-doc", 1, true, false, 0, PoliceOfficerWithTwoYears() with { Id = "de-nghi-luc-nam-01", ProposedBy = "bcd-luc-nam", NomineeUnit = "bcd-luc-nam" }));
        return scenario;
    }

    public IEnumerable<Submission> At(DateTimeOffset moment) => _submissions.Where(s => s.At == moment);

    /// <summary>Every instant at which something is due or arrives, in order: the test steps the clock through them.</summary>
    public IReadOnlyList<DateTimeOffset> Moments(Plan plan, DateTimeOffset start)
    {
        var points = _followUps.Select(f => (f.Subject, f.Deadline, f.Policy)).Distinct()
            .SelectMany(f => ScheduleBuilder.ForDeadline(f.Subject, f.Deadline, f.Policy, plan.Reminders, VietnamTime.Zone))
            .Select(p => p.Instant)
            .Concat(plan.Milestones.SelectMany(m => ScheduleBuilder.ForDeadline(m.Id, m.Deadline, LatePolicy.Reject, plan.Reminders, VietnamTime.Zone, optional: true)).Select(p => p.Instant));
        return [.. points.Concat(_submissions.Select(s => s.At)).Where(t => t > start).Distinct().Order()];
    }

    /// <summary>Each follow-up's reminders, chases and escalations: every point before its first accepted submission.</summary>
    public IEnumerable<string> ExpectedReminderKeys(Plan plan, DateTimeOffset start)
    {
        foreach (var (subject, unit, deadline, policy) in _followUps)
        {
            var submitted = _submissions.Where(s => s.Unit == unit.Id && s.Subject == subject && s.Accepted).Select(s => (DateTimeOffset?)s.At).Min();
            var points = ScheduleBuilder.ForDeadline(subject, deadline, policy, plan.Reminders, VietnamTime.Zone)
                .Where(p => p.Kind != ScheduledPointKind.Deadline && p.Instant > start && (submitted is null || p.Instant < submitted));
            foreach (var point in points)
            {
                var key = MessageKeys.For(_cycleId, unit.Id, subject, point.Key);
                yield return key;
                if (point.Kind == ScheduledPointKind.Escalation && plan.Members.Any(m => m.Id == unit.Supervisor))
                {
                    yield return $"{key}:escalation";
                }
            }
        }
    }

    /// <summary>Each milestone's reminders to the operators, one mail per point, from the start until the cycle closes.</summary>
    public IEnumerable<string> ExpectedMilestoneKeys(Plan plan, DateTimeOffset start) =>
        CycleSchedule.Steps(plan, []).Where(s => s.Instant > start).SelectMany(s => s.Points)
            .Where(p => p.Group.IsMilestone && p.Point.Kind == ScheduledPointKind.Reminder)
            .Select(p => MessageKeys.Milestone(_cycleId, p.Point.Key));

    /// <summary>A plan notice to every unit that has something to hand in.</summary>
    public IEnumerable<string> ExpectedNotices(Plan plan) =>
        plan.Units.Where(u => plan.Deliverables.Any(d => d.AppliesTo.Includes(u)) || plan.NominationRounds.Any(r => r.PickedFrom is null && r.Proposers.Includes(u)))
            .Select(u => MessageKeys.PlanNotice(_cycleId, u.Id));

    /// <summary>The province total of the first integer field: the sum over the counted versions.</summary>
    public decimal ExpectedTotal(string subject) =>
        _submissions.Where(s => s.Subject == subject && s.Accepted)
            .GroupBy(s => s.Unit)
            .Select(g => g.Where(s => !s.Late).MaxBy(s => s.Version) ?? g.MaxBy(s => s.Version)!)
            .Sum(s => s.Seed);

    /// <summary>Values for every field of the deliverable's forms; the first integer field carries the seed.</summary>
    public static ReportStatistics Statistics(Plan plan, string subject, int seed)
    {
        var forms = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>();
        var first = true;
        foreach (var form in plan.AllDeliverables().Single(d => d.Id == subject).Forms.Where(f => !f.IsFileOnly))
        {
            var values = new Dictionary<string, FieldValue>();
            foreach (var field in form.Fields)
            {
                values[field.Id] = field.Type switch
                {
                    FieldType.Integer when first => FieldValue.Of(seed),
                    FieldType.Integer => FieldValue.Of(seed % 7),
                    FieldType.Decimal => FieldValue.Of(1.5m),
                    FieldType.Percent => FieldValue.Of(50),
                    FieldType.Boolean => FieldValue.Of(true),
                    FieldType.Table => FieldValue.Of(TableCell.ExampleRows(field, 2)),
                    _ => FieldValue.Of("Không có ghi chú"),
                };
                first &= field.Type != FieldType.Integer;
            }

            forms[form.Id] = values;
        }

        return new ReportStatistics { Forms = forms };
    }

    /// <summary>The plan's required documents, and each achievement record's decision file (its evidence).</summary>
    public static IReadOnlyList<NominationFile> Dossier(Nomination nomination) =>
    [
        .. DocumentIds.Select(id => new NominationFile(
            id,
            id == "tom-tat-thanh-tich" ? 18 : null,
            new IncomingFile($"{id}.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes($"%PDF-1.7 {nomination.Id} {id}"))))),
        .. nomination.Achievements.Select(a => new NominationFile(
            EvidenceFile.DocumentIdOf(a.Id),
            null,
            new IncomingFile($"quyet-dinh-{a.Year}.pdf", "application/pdf", new MemoryStream(Encoding.UTF8.GetBytes($"%PDF-1.7 {a.DecisionNumber}"))))),
    ];

    /// <summary>A collective title of a year, as its decision says.</summary>
    public static AchievementRecord Title(int year, string level, string title, string decision) => new()
    {
        Id = $"tt-{year}",
        Year = year,
        Title = title,
        Scale = "danh-hieu-tap-the",
        Level = level,
        DecisionNumber = decision,
        DecisionDate = new DateOnly(year, 12, 20),
        Issuer = "Giám đốc Công an tỉnh Bắc Giang",
    };

    public static Nomination PoliceCollective() => new()
    {
        Id = "de-nghi-yen-the-01",
        Round = "giay-khen-giam-doc",
        ProposedBy = "bcd-yen-the",
        NomineeUnit = "bcd-yen-the",
        Kind = NomineeKind.Collective,
        Name = "Công an huyện Yên Thế",
        IsPolice = true,
        Profile = "tap-the-phong-cong-an-huyen",
        Achievements =
        [
            Title(2019, "don-vi-quyet-thang", "Đơn vị quyết thắng", "1510/QĐ-CAT"),
            Title(2020, "don-vi-tien-tien", "Đơn vị tiên tiến", "1622/QĐ-CAT"),
            Title(2021, "don-vi-quyet-thang", "Đơn vị quyết thắng", "1735/QĐ-CAT"),
            Title(2022, "don-vi-tien-tien", "Đơn vị tiên tiến", "1840/QĐ-CAT"),
            Title(2023, "don-vi-quyet-thang", "Đơn vị quyết thắng", "1956/QĐ-CAT"),
        ],
        Record = new NomineeRecord
        {
            Flags = new Dictionary<string, bool> { ["nam2024CoCanBoPhanLoai4HoacKyLuat"] = false, ["dangXetHoacThiHanhKyLuat"] = false, ["dangThanhTraKiemTra"] = false, ["dangXacMinhDonThu"] = false },
        },
    };

    private static Nomination PoliceOfficerWithTwoYears() => new()
    {
        Id = "de-nghi-tan-yen-01",
        Round = "giay-khen-giam-doc",
        ProposedBy = "bcd-tan-yen",
        NomineeUnit = "bcd-tan-yen",
        Kind = NomineeKind.Individual,
        Name = "Đại úy Nguyễn Văn Bình",
        IsPolice = true,
        Profile = "ca-nhan-cong-an",
        Record = new NomineeRecord
        {
            Yearly = new Dictionary<string, IReadOnlyDictionary<int, string>>
            {
                ["danh-hieu-ca-nhan"] = new Dictionary<int, string> { [2019] = "chien-sy-tien-tien", [2020] = "chien-sy-thi-dua-co-so", [2021] = "chien-sy-tien-tien", [2022] = "chien-sy-tien-tien", [2023] = "chien-sy-tien-tien" },
                ["xep-loai"] = new Dictionary<int, string> { [2024] = "hoan-thanh-tot" },
            },
            Flags = new Dictionary<string, bool> { ["dangXetHoacThiHanhKyLuat"] = false, ["dangThanhTraKiemTra"] = false, ["dangXacMinhDonThu"] = false },
            Numbers = new Dictionary<string, decimal> { ["soNamPhuTrachPhongTraoTu2021"] = 2 },
        },
    };
}
