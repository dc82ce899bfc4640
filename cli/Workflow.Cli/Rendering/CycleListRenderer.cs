using Spectre.Console;
using Workflow.Cli.Api;
using SpectreText = Spectre.Console.Text;

namespace Workflow.Cli.Rendering;

/// <summary>The <c>list</c> view: one row per cycle.</summary>
internal static class CycleListRenderer
{
    public static void Write(IReadOnlyList<CycleListItem> cycles, TextWriter output, IAnsiConsole console)
    {
        if (cycles.Count == 0)
        {
            output.WriteLine("Chưa có chu kỳ nào.");
            return;
        }

        // As the blocks' table: no cell borders, so a row begins with the cycle's id and fits a narrow terminal.
        var table = new Table().Border(TableBorder.None)
            .AddColumn("[bold]Mã chu kỳ[/]").AddColumn("[bold]Kế hoạch[/]").AddColumn("[bold]Trạng thái[/]")
            .AddColumn(new TableColumn("[bold]Đã nộp[/]").RightAligned()).AddColumn("[bold]Hạn tiếp theo[/]");
        foreach (var cycle in cycles)
        {
            var progress = cycle.Progress is { } p
                ? $"{p.OnTime + p.Late}/{p.Expected} ({Text.Percent(p.OnTime + p.Late, p.Expected)})"
                : "—";
            var plan = string.Join(" — ", new[] { cycle.PlanNumber, cycle.Title }.Where(s => !string.IsNullOrWhiteSpace(s)));
            plan = cycle.Progress?.Rehearsal is null ? plan : $"[DIỄN TẬP] {plan}";
            var next = cycle.Progress is { } n ? Text.Deadline(n.NextDeadline, n.NextDeadlineText) : "—";
            table.AddRow(new SpectreText(cycle.Id), new SpectreText(plan), new SpectreText(Labels.RuntimeStatus(cycle.RuntimeStatus)),
                new SpectreText(progress), new SpectreText(next));
        }

        output.Flush();
        console.Write(table);
        output.WriteLine($"{cycles.Count} chu kỳ.");
    }
}
