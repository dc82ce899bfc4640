using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Workflow.Cli.Api;
using Workflow.Cli.Rendering;

namespace Workflow.Cli.Commands;

internal sealed class StatusCommand : IOperatorCommand
{
    public string Name => "status";

    public string Usage => "status <mã-chu-kỳ> [--watch [--interval <giây>]] [--json]";

    public string Description => "tiến độ theo khối, hạn tiếp theo, số liệu của một chu kỳ; --watch vẽ lại thanh tiến độ từng khối đến khi chu kỳ kết thúc";

    public IReadOnlyCollection<string> Options { get; } = ["--interval"];

    public IReadOnlyCollection<string> Flags { get; } = ["--watch", "--json"];

    public async Task<int> RunAsync(ParsedArguments arguments, CommandContext context, CancellationToken cancellationToken = default)
    {
        if (arguments.Positionals is not [var id])
        {
            return context.UsageError(this, "Cần đúng một mã chu kỳ.");
        }

        var interval = 5.0;
        if (arguments.Single("--interval") is { } text
            && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out interval) || interval <= 0 || interval > 3600))
        {
            return context.UsageError(this, $"Khoảng thời gian «{text}» không hợp lệ (số giây lớn hơn 0, ví dụ --interval 5).");
        }

        if (arguments.Has("--json"))
        {
            return arguments.Has("--watch")
                ? context.UsageError(this, "--watch không dùng cùng --json.")
                : JsonOutput.Write(await context.Api.GetJsonAsync(OperatorClient.CyclePath(id), cancellationToken), context.Output);
        }

        var cycle = await context.Api.GetAsync(id, cancellationToken);
        if (arguments.Has("--watch"))
        {
            try
            {
                cycle = await WatchAsync(cycle, context, TimeSpan.FromSeconds(interval), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Error.WriteLine("Đã dừng theo dõi.");
                return 130;
            }
        }

        CycleStatusRenderer.Write(cycle, context.Output, context.Console);
        return 0;
    }

    /// <summary>Whether the cycle may still move: its orchestration running or waiting, its phase not closed.</summary>
    public static bool IsOpen(CycleDetail cycle) =>
        cycle.RuntimeStatus is "running" or "pending" && cycle.Progress?.Phase != "closed";

    /// <summary>Redraws the blocks' bars in place, polling the host, until the cycle closes; returns its last state.</summary>
    private static async Task<CycleDetail> WatchAsync(CycleDetail cycle, CommandContext context, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (!context.Console.Profile.Capabilities.Interactive || !context.Console.Profile.Capabilities.Ansi)
        {
            // Not a terminal (a pipe, a log, a test console): no cursor to move back, so one picture per poll, each on lines of its own.
            context.Console.Write(View(cycle));
            context.Console.WriteLine();
            while (IsOpen(cycle))
            {
                await Task.Delay(interval, cancellationToken);
                cycle = await context.Api.GetAsync(cycle.Id, cancellationToken);
                context.Console.Write(View(cycle));
                context.Console.WriteLine();
            }

            return cycle;
        }

        await context.Console.Live(View(cycle)).StartAsync(async live =>
        {
            while (IsOpen(cycle))
            {
                await Task.Delay(interval, cancellationToken);
                cycle = await context.Api.GetAsync(cycle.Id, cancellationToken);
                live.UpdateTarget(View(cycle));
                live.Refresh();
            }
        });
        return cycle;
    }

    private static IRenderable View(CycleDetail cycle)
    {
        var phase = cycle.Progress?.PhaseLabel is { Length: > 0 } label ? $" · giai đoạn: {label}" : "";
        var headline = new Markup(Markup.Escape($"Chu kỳ {cycle.Id}: {Labels.RuntimeStatus(cycle.RuntimeStatus)}{phase} — cập nhật {Rendering.Text.Instant(cycle.LastUpdatedAt)}"));
        return cycle.Blocks is { Count: > 0 } blocks ? new Rows(headline, BlockTable.Build(blocks)) : headline;
    }
}
