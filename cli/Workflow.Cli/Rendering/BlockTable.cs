using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using SpectreText = Spectre.Console.Text;
using Workflow.Cli.Api;

namespace Workflow.Cli.Rendering;

/// <summary>The per-block table of <c>status</c> and <c>status --watch</c>: a coloured bar by state and the exact figures beside it.</summary>
internal static class BlockTable
{
    public const string Legend = "[green]█[/] đúng hạn   [yellow]█[/] muộn   [red]█[/] quá hạn chưa nộp   [grey]█[/] chưa nộp (còn hạn)   [grey30]█[/] không bắt buộc, không nộp";

    private const int BarWidth = 24;

    /// <summary>
    /// The table fits 100 columns: no cell borders (one space between columns), the name, the bar and the figures never wrap,
    /// only a long header may break over two lines. The blocks with nothing due follow in a table of their own, the name column
    /// as wide as the first's, so their sentence starts under the bars and does not widen the bar column.
    /// </summary>
    public static IRenderable Build(IReadOnlyList<BlockProgress> blocks)
    {
        var nameWidth = blocks.Select(b => new StringInfo(b.Name).LengthInTextElements).Append("Khối".Length).Max();
        var table = new Table().Border(TableBorder.None)
            .AddColumn(Column("Khối").Width(nameWidth)).AddColumn(Column("Tiến độ")).AddColumn(Figure("Tỉ lệ")).AddColumn(Figure("Đã nộp"))
            .AddColumn(Figure("Đúng hạn")).AddColumn(Figure("Muộn")).AddColumn(Figure("Quá hạn")).AddColumn(Figure("Chưa nộp"));
        var optional = blocks.Any(b => b.NotRequired > 0);
        if (optional)
        {
            table.AddColumn(Figure("Không bắt buộc"));
        }

        var nothingDue = new Table().Border(TableBorder.None).HideHeaders().AddColumn(new TableColumn("").NoWrap().Width(nameWidth).Padding(0, 0, 1, 0)).AddColumn(new TableColumn("").Padding(0, 0, 1, 0));
        foreach (var block in blocks)
        {
            if (block.Expected == 0)
            {
                nothingDue.AddRow(new SpectreText(block.Name), new SpectreText("không có báo cáo phải nộp trong kỳ này"));
                continue;
            }

            var submitted = block.OnTime + block.Late;
            List<IRenderable> cells =
            [
                new SpectreText(block.Name), Bar(block), new SpectreText(Text.Percent(submitted, block.Expected)), new SpectreText($"{submitted}/{block.Expected}"),
                new SpectreText($"{block.OnTime}"), new SpectreText($"{block.Late}"), new SpectreText($"{block.Missing}"), new SpectreText($"{block.Pending}"),
            ];
            if (optional)
            {
                cells.Add(new SpectreText($"{block.NotRequired}"));
            }

            table.AddRow(cells);
        }

        return table.Rows.Count == 0 ? nothingDue : nothingDue.Rows.Count == 0 ? table : new Rows(table, nothingDue);
    }

    // The cells' own width: a bar or a block's name is never broken over lines.
    private static TableColumn Column(string header) => new TableColumn(new Markup($"[bold]{header}[/]")).NoWrap().Padding(0, 0, 1, 0);

    private static TableColumn Figure(string header) => new TableColumn(new Markup($"[bold]{header}[/]")).RightAligned().Padding(0, 0, 1, 0);

    private static BreakdownChart Bar(BlockProgress block) =>
        new BreakdownChart().Width(BarWidth).HideTags()
            .AddItem("đúng hạn", Math.Max(0, block.OnTime), Color.Green)
            .AddItem("muộn", Math.Max(0, block.Late), Color.Yellow)
            .AddItem("quá hạn", Math.Max(0, block.Missing), Color.Red)
            .AddItem("chưa nộp", Math.Max(0, block.Pending), Color.Grey)
            .AddItem("không bắt buộc", Math.Max(0, block.NotRequired), Color.Grey30);
}
