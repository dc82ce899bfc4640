using System.Globalization;
using Workflow.Domain.Plans;
using Workflow.Domain.Scheduling;
using Workflow.Domain.Serialization;
using Workflow.Domain.Time;
using Workflow.Domain.Validation;
using Workflow.Exports;

namespace Workflow.Cli;

/// <summary>Offline plan commands: check a plan file before a cycle starts and show the schedule it implies.</summary>
internal static class PlanCommands
{
    private const string Usage = """
        Cách dùng:
          workflow validate <kế-hoạch.json>...   kiểm tra tệp kế hoạch, liệt kê mọi lỗi
          workflow schedule <kế-hoạch.json>      in lịch hạn chót, mốc công việc, nhắc hạn và đôn đốc của chu kỳ
          workflow plan import-units <đơn-vị.xlsx|.csv> --plan <kế-hoạch.json> [--out <tệp>] [--dry-run]
                                                 ghi danh sách đơn vị từ Excel/CSV vào tệp kế hoạch, liệt kê thay đổi trước
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        return args switch
        {
            ["validate", _, ..] => Validate(args[1..], output, error),
            ["schedule", var file] => Schedule(file, output, error),
            ["import-units", var units, var plan, var target, var dry] => ImportUnits(units, plan, target.Length > 0 ? target : plan, dry.Length > 0, output, error),
            _ => Fail(error, Usage),
        };
    }

    private static int Validate(string[] files, TextWriter output, TextWriter error)
    {
        var failed = 0;
        foreach (var file in files)
        {
            if (Load(file, error) is not { } plan)
            {
                failed++;
                continue;
            }

            var units = plan.Units.Count;
            output.WriteLine($"✓ {file}: hợp lệ — «{plan.Title}»");
            output.WriteLine($"  {units} đơn vị, {plan.Blocks.Count} khối, {plan.AllDeliverables().Count()} nội dung phải nộp, "
                + $"{plan.NominationRounds.Count} đợt đề nghị khen thưởng, {plan.Periods.Count} giai đoạn");
            // The units under a relay are not the cycle's: the relay issues them a plan of its own.
            var relays = plan.Units.Where(u => u.IsRelay).ToList();
            if (relays.Count > 0)
            {
                output.WriteLine($"  {relays.Count} đơn vị ban hành kế hoạch cho cấp dưới, {plan.AllUnits().Count() - units} đơn vị cấp dưới: "
                    + string.Join(", ", relays.Select(r => $"{r.Name} ({r.Descendants().Count()})")));
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static int Schedule(string file, TextWriter output, TextWriter error)
    {
        if (Load(file, error) is not { } plan)
        {
            return 1;
        }

        var zone = VietnamTime.Resolve(plan.TimeZone)!;
        var evaluator = new DeadlineEvaluator(zone);
        output.WriteLine($"{plan.Number} ngày {VietnamTime.FormatDate(plan.IssuedOn)} — {plan.Title}");
        output.WriteLine($"Mốc số liệu: {VietnamTime.FormatDate(plan.DataPeriod.From)} – {VietnamTime.FormatDate(plan.DataPeriod.To)}; giờ {plan.TimeZone}");
        output.WriteLine();
        output.WriteLine("Hạn chót");
        foreach (var deliverable in plan.AllDeliverables())
        {
            WriteDeadline(output, evaluator, deliverable.Id, deliverable.Title, deliverable.Deadline, deliverable.LatePolicy,
                deliverable.AppliesTo.Select(plan.Units).Count());
        }

        foreach (var round in plan.NominationRounds)
        {
            if (round.Deadline is { } deadline)
            {
                WriteDeadline(output, evaluator, round.Id, round.Title, deadline, round.LatePolicy, round.Proposers.Select(plan.Units).Count());
            }
            else
            {
                output.WriteLine($"  {round.Id,-34} {round.Title}: lựa chọn từ đợt «{round.PickedFrom}»");
            }
        }

        if (plan.Milestones.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Mốc công việc (nhắc cơ quan thường trực: {string.Join(", ", plan.OperatorEmails)})");
            foreach (var milestone in plan.Milestones)
            {
                var last = VietnamTime.ToLocal(evaluator.LastAcceptedInstant(milestone.Deadline), zone);
                var snapshot = milestone.Consolidate ? "; tổng hợp nhanh mỗi lần nhắc" : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {milestone.Id,-34} {milestone.Deadline.Describe()} (đến {last:HH:mm:ss.fff dd/MM/yyyy}){snapshot} — {milestone.Title}"));
            }
        }

        output.WriteLine();
        output.WriteLine("Lịch nhắc hạn và đôn đốc (giờ Việt Nam)");
        var milestones = plan.Milestones.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var point in ScheduleBuilder.Build(plan))
        {
            var local = VietnamTime.ToLocal(point.Instant, zone);
            var what = !milestones.TryGetValue(point.Subject, out var milestone) ? point.Describe()
                : point.Kind == ScheduledPointKind.Reminder ? $"Nhắc mốc công việc trước hạn {point.Sequence} ngày (thư tới cơ quan thường trực{(milestone.Consolidate ? ", kèm bản tổng hợp nhanh" : "")})"
                : "Hết hạn mốc công việc";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {local:dd/MM/yyyy HH:mm}  {point.Subject,-34} {what}"));
        }

        return 0;
    }

    private static void WriteDeadline(TextWriter output, DeadlineEvaluator evaluator, string id, string title, Deadline deadline, LatePolicy policy, int units)
    {
        var last = VietnamTime.ToLocal(evaluator.LastAcceptedInstant(deadline), evaluator.Zone);
        var late = policy == LatePolicy.Reject ? "nộp muộn bị từ chối" : "nộp muộn được nhận, đánh dấu muộn";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {id,-34} {deadline.Describe()} (nhận đến {last:HH:mm:ss.fff dd/MM/yyyy}); {late}; {units} đơn vị — {title}"));
    }

    /// <summary>
    /// Reads a unit list into the plan: every bad row is named with its row and column and nothing is written; otherwise
    /// the differences are listed, and the plan with the new units is written once it still validates.
    /// </summary>
    private static int ImportUnits(string unitsFile, string planFile, string target, bool dryRun, TextWriter output, TextWriter error)
    {
        if (Load(planFile, error) is not { } plan)
        {
            return 1;
        }

        if (!File.Exists(unitsFile))
        {
            error.WriteLine($"✗ {unitsFile}: không tìm thấy tệp.");
            return 1;
        }

        UnitFileResult read;
        using (var content = File.OpenRead(unitsFile))
        {
            read = UnitFileReader.Read(plan, Path.GetFileName(unitsFile), content);
        }

        if (!read.Ok)
        {
            error.WriteLine($"✗ {unitsFile}: {read.Errors.Count} lỗi, không ghi gì vào kế hoạch:");
            foreach (var problem in read.Errors)
            {
                error.WriteLine($"  - {problem.Message}");
            }

            return 1;
        }

        var diff = UnitListDiff.Between(plan.Units, read.Units);
        var count = read.Units.Sum(u => u.Descendants().Count() + 1);
        output.WriteLine($"{unitsFile}: {count} đơn vị; so với {planFile}: thêm {diff.Added.Count}, bỏ {diff.Removed.Count}, sửa {diff.Changed.Count}.");
        foreach (var unit in diff.Added)
        {
            output.WriteLine($"  + {unit.Id} — {unit.Name}");
        }

        foreach (var unit in diff.Removed)
        {
            output.WriteLine($"  - {unit.Id} — {unit.Name}");
        }

        foreach (var change in diff.Changed)
        {
            output.WriteLine($"  ~ {change.Id} — {change.Name}: {string.Join(", ", change.Fields)}");
        }

        if (dryRun || diff.IsEmpty)
        {
            output.WriteLine(diff.IsEmpty ? "Không có thay đổi; không ghi tệp." : "Chạy thử (--dry-run): không ghi tệp.");
            return 0;
        }

        var updated = UnitListDiff.Apply(plan, read.Units);
        var errors = PlanValidator.Validate(updated);
        if (errors.Count > 0)
        {
            error.WriteLine($"✗ Kế hoạch với danh sách mới có {errors.Count} lỗi, không ghi tệp:");
            foreach (var planError in errors)
            {
                error.WriteLine($"  - {planError.Path}: {planError.Message}");
            }

            return 1;
        }

        File.WriteAllText(target, PlanJson.Write(updated));
        output.WriteLine($"✓ Đã ghi {count} đơn vị vào {target}.");
        return 0;
    }

    private static Plan? Load(string file, TextWriter error)
    {
        if (!File.Exists(file))
        {
            error.WriteLine($"✗ {file}: không tìm thấy tệp.");
            return null;
        }

        var read = PlanJson.Read(File.ReadAllText(file));
        var errors = read.Plan is { } plan ? PlanValidator.Validate(plan) : read.Errors;
        if (errors.Count == 0)
        {
            return read.Plan;
        }

        error.WriteLine($"✗ {file}: {errors.Count} lỗi, kế hoạch không được chấp nhận:");
        foreach (var planError in errors)
        {
            error.WriteLine($"  - {planError.Path}: {planError.Message}");
        }

        return null;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
