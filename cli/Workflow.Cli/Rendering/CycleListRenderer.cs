using Workflow.Cli.Api;

namespace Workflow.Cli.Rendering;

/// <summary>The <c>list</c> view: one line per cycle.</summary>
internal static class CycleListRenderer
{
    public static void Write(IReadOnlyList<CycleListItem> cycles, TextWriter output)
    {
        if (cycles.Count == 0)
        {
            output.WriteLine("Chưa có chu kỳ nào.");
            return;
        }

        output.WriteLine($"{Text.Fit("Mã chu kỳ", 22)} {Text.Fit("Kế hoạch", 40)} {Text.Fit("Trạng thái", 12)} {Text.Fit("Đã nộp", 14)} Hạn tiếp theo");
        foreach (var cycle in cycles)
        {
            var progress = cycle.Progress is { } p
                ? $"{p.OnTime + p.Late}/{p.Expected} ({ProgressBar.Percent(p.OnTime + p.Late, p.Expected)})"
                : "—";
            var plan = string.Join(" — ", new[] { cycle.PlanNumber, cycle.Title }.Where(s => !string.IsNullOrWhiteSpace(s)));
            plan = cycle.Progress?.Rehearsal is null ? plan : $"[DIỄN TẬP] {plan}";
            output.WriteLine($"{Text.Fit(cycle.Id, 22)} {Text.Fit(plan, 40)} {Text.Fit(Labels.RuntimeStatus(cycle.RuntimeStatus), 12)} "
                + $"{Text.Fit(progress, 14)} {(cycle.Progress is { } next ? Text.Deadline(next.NextDeadline, next.NextDeadlineText) : "—")}");
        }

        output.WriteLine($"{cycles.Count} chu kỳ.");
    }
}
